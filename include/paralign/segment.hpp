// paralign/segment.hpp — splitting paragraphs into sentences, and sentences into tokens for the aligner.
//
// A Segmenter is built once per language: it loads that language's exception list
// (corpora/data/abbreviations/<lang>.txt, format in docs/segmentation.md) and is then const and thread-safe.
// split() asks ICU's sentence rules for candidate breaks, then drops those that UN drafting shows are not sentence
// ends: abbreviations ("para. 5", "Mr. Smith", "e.g. France"), initials ("J. Smith"), continued enumerations
// ("...; (b) ..."), and for Chinese every break not after 。！？ (so "；" does not split, see zh.txt). Spans are
// half-open byte ranges into the paragraph, trimmed of white space; together they cover every non-space character
// of the paragraph exactly once.
//
//   paralign::SegmentOptions opts;
//   opts.language = "en";
//   paralign::Result<paralign::Segmenter> seg = paralign::Segmenter::create(opts);
//   if (!seg) return seg.status();
//   for (const paralign::SentenceSpan& s : seg->split(paragraph)) {
//     std::string_view sentence = paragraph.substr(s.offset, s.length);
//     std::vector<paralign::Token> words = paralign::tokenize(sentence, "en");
//   }
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "paralign/status.hpp"

namespace paralign {

struct SegmentOptions {
  std::string language;  ///< ISO 639-1 code: zh, en, fr, es, ru, ar (any language with a data file)
  std::string data_dir;  ///< folder holding abbreviations/; "" to find it ($PARALIGN_DATA_DIR, source tree, install)
};

/// One sentence: a half-open byte range [offset, offset + length) into the paragraph given to split().
struct SentenceSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::size_t end() const { return offset + length; }
  friend bool operator==(const SentenceSpan&, const SentenceSpan&) = default;
};

/// Why a candidate break was kept or dropped, for `inspect --trace` and for tests.
struct BoundaryDecision {
  std::size_t offset = 0;  ///< byte offset of the candidate break (start of the following text)
  bool kept = false;
  std::string reason;  ///< e.g. "sentence end", "abbreviation \"para.\" before a number", "initial \"J.\""
};

/// The sentence splitter of one language. Cheap to copy (the rules are shared and immutable).
class Segmenter {
 public:
  /// Loads the rules for options.language. Errors: kInvalidArgument when the language is empty or not a lower-case
  /// code; kNotFound when the data folder or abbreviations/<lang>.txt is missing; kEncoding or kParse (with file and
  /// line) when the data file is malformed; kInternal when ICU has no sentence rules for the language.
  static Result<Segmenter> create(const SegmentOptions& options);

  /// Splits one paragraph (UTF-8; invalid bytes are kept inside spans, never split) into sentences, in order.
  /// Returns an empty vector when the paragraph holds only white space. Thread-safe: each thread uses its own ICU
  /// break iterator.
  std::vector<SentenceSpan> split(std::string_view paragraph) const;

  /// Every candidate break of `paragraph` with the decision split() takes on it and why. Thread-safe.
  std::vector<BoundaryDecision> explain(std::string_view paragraph) const;

  /// The language the rules are for.
  const std::string& language() const;

  struct Rules;  // defined in src/segment/

 private:
  explicit Segmenter(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}
  std::shared_ptr<const Rules> rules_;
};

/// What a token is made of.
enum class TokenKind {
  kWord,       ///< letters (possibly with digits, inner apostrophes or dots: "l'assemblée", "e.g", "a59")
  kNumber,     ///< digits with inner separators: "2001", "6.5", "1,000"
  kIdeograph,  ///< one Han character
};

/// One token of a sentence: its normalised text and where it stands in the sentence.
struct Token {
  std::string text;        ///< case-folded; full-width letters and digits folded to ASCII; for "ar", without
                           ///< tashkil (short-vowel marks) or tatweel
  std::size_t offset = 0;  ///< byte offset in the sentence given to tokenize()
  std::size_t length = 0;  ///< bytes in the sentence (the original spelling, before folding)
  TokenKind kind = TokenKind::kWord;
};

/// Splits a sentence into tokens for the aligner: words (following Unicode word-boundary rules: inner apostrophes,
/// dots and number separators join, hyphens and punctuation split; punctuation is dropped) and one token per Han
/// character, so Latin words and digits inside Chinese text come out as words. `lang` is the ISO 639-1 code; it
/// only changes normalisation ("ar" strips tashkil and tatweel). Pure function, no allocation beyond the result;
/// thread-safe.
std::vector<Token> tokenize(std::string_view sentence, std::string_view lang);

}  // namespace paralign
