// Internal to the sentence aligner: what it needs to know about each sentence, and how it gets it.
//
// A sentence becomes its length in characters, its lexical tokens (paralign::tokenize: single Han characters,
// case-folded words of other scripts) and its anchors: things that are written the same way, or mean the same
// value, in both languages — references (paralign::find_references keys: symbols, resolutions, URLs), figures
// (paralign::find_quantities keys: 六十二 = 62, dates, percentages), Latin tokens inside non-Latin text (acronyms,
// names, symbols), and dictionary terms (given an id per concept by the dictionary).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "paralign/status.hpp"
#include "util/utf8.hpp"

namespace paralign::align {

/// Calls fn(line_no, line) for each line of `text` (1-based numbers; LF or CRLF; white space trimmed; blank lines
/// skipped) until fn returns a Status that is not ok, which is returned. Shared by the bead readers.
template <typename Fn>
Status for_each_line(std::string_view text, Fn&& fn) {
  std::size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = utf8::trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (line.empty()) continue;
    if (Status s = fn(line_no, line); !s.ok()) return s;
  }
  return {};
}

/// Interns strings as dense ids.
class Vocabulary {
 public:
  std::uint32_t id(std::string_view s);
  /// The id of `s`, or kNone when it was never interned.
  std::uint32_t find(std::string_view s) const;
  const std::string& name(std::uint32_t id) const { return names_[id]; }
  std::size_t size() const { return names_.size(); }
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> names_;
};

/// The raw tokens of one sentence, before interning.
struct SentenceTokens {
  std::uint32_t length = 0;           ///< code points, white space excluded
  std::uint32_t han = 0;              ///< of which Han characters and CJK punctuation (weighed against letters)
  std::uint8_t end_class = 0;         ///< how the sentence ends: see end_punctuation_class()
  std::uint8_t clause_marks = 0;      ///< colons, semicolons, question and exclamation marks inside the sentence (not
                                      ///< its last mark), up to 3: where a translation may start a new sentence
  std::vector<std::string> words;     ///< lexical tokens, in order (Han characters, lower-cased words)
  std::vector<std::string> numbers;   ///< keys of references and quantities ("A/59/181", "1989", "2004-07-15")
  std::vector<std::string> latin;     ///< lower-cased Latin-script words of 2+ letters or with digits
  std::vector<std::string> acronyms;  ///< words with 2+ capitals or letters mixed with digits, lower-cased
  std::uint32_t latin_letters = 0;    ///< letters of Latin script (to tell which side is written in Latin)
  std::uint32_t letters = 0;          ///< all letters and Han characters
};

/// Classes of sentence-final punctuation (closing quotes and brackets skipped), full-width forms folded: 0 other,
/// 1 full stop or exclamation mark, 2 question mark, 3 colon, 4 semicolon, 5 comma or enumeration comma.
constexpr int kEndClasses = 6;
int end_punctuation_class(std::string_view sentence);

/// Splits a sentence written in `lang` (ISO 639-1) into the tokens above. Never fails: invalid UTF-8 is skipped.
/// Needs the reference and number data files (SentenceAligner::create checks that they load).
SentenceTokens tokenize_sentence(std::string_view sentence, std::string_view lang);

/// Word-level token normalisation used for lexicon entries coming from a dictionary: the lexical tokens of `text`
/// exactly as tokenize_sentence produces them.
std::vector<std::string> lexical_tokens(std::string_view text, std::string_view lang);

}  // namespace paralign::align
