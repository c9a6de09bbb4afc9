// paralign/sentence_align.hpp — aligning two lists of sentences that translate each other.
//
// Takes the sentences of a source and a target text (one paragraph pair, or a whole document given one sentence
// per line) and returns beads: runs of consecutive source sentences paired with runs of consecutive target
// sentences (1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3, 3-1 and a few wider shapes), each with a confidence. Every input
// sentence lies in exactly one bead, in order, so nothing is lost: an untranslated sentence is a 1-0 or 0-1 bead.
//
// The search is one banded dynamic programme (src/align/dp.hpp); what it minimises is a weighted sum of separate
// scorers (src/align/sentence_scorer.hpp): a length model whose ratio and variance are estimated on the document
// pair itself, a prior on bead shapes, shared numbers and Latin tokens (acronyms, symbols, names), terms from an
// optional bilingual dictionary, and a lexicon of word pairs learned from the first pass's confident beads (a
// second pass then uses it). The band follows the diagonal given by cumulative lengths, then the first pass's path,
// so time and memory grow linearly with the number of sentences.
//
//   paralign::SentenceAlignOptions opts;
//   opts.dictionary_path = "corpora/data/dict/un-terms.zh-en.tsv";   // optional
//   paralign::Result<paralign::SentenceAligner> aligner = paralign::SentenceAligner::create(opts);
//   if (!aligner) return aligner.status();
//   std::vector<paralign::Bead> beads = aligner->align(zh_sentences, en_sentences, "zh", "en");
//   std::string text = paralign::format_beads(beads);   // "1,2 <=> 3" lines
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "paralign/status.hpp"

namespace paralign {

/// One unit of the alignment: source sentences [src_begin, src_begin + src_size) translate target sentences
/// [tgt_begin, tgt_begin + tgt_size). Indices are 0-based into the lists given to align(). A side of size 0 marks an
/// omission; its begin is where it stands in that list (the index of the next sentence on that side).
struct Bead {
  std::size_t src_begin = 0;
  std::size_t src_size = 0;
  std::size_t tgt_begin = 0;
  std::size_t tgt_size = 0;
  double confidence = 0.0;  ///< 0..1: how sure the aligner is of this bead (length fit and lexical evidence)
  double cost = 0.0;        ///< the bead's cost in the search (lower is better); shown by --trace

  std::size_t src_end() const { return src_begin + src_size; }
  std::size_t tgt_end() const { return tgt_begin + tgt_size; }
  bool operator==(const Bead& o) const {
    return src_begin == o.src_begin && src_size == o.src_size && tgt_begin == o.tgt_begin && tgt_size == o.tgt_size;
  }
};

/// How the aligner searches and scores. Every field has a working default.
struct SentenceAlignOptions {
  std::string dictionary_path;    ///< bilingual term list, TSV "zh<TAB>en" (see corpora/data/dict/); "" for none
  bool learn_lexicon = true;      ///< run a second pass scored with word pairs learned from the first pass
  int max_bead_side = 4;          ///< largest number of sentences on one side of a bead (2..4)
  int min_band = 30;              ///< half-width of the first pass's band around the length diagonal, in sentences
  int realign_band = 12;          ///< half-width of the second pass's band around the first path
  double length_weight = 1.0;     ///< weight of the length model (Gale-Church style, per-document ratio)
  double prior_weight = 1.0;      ///< weight of the bead-shape prior (-log probability)
  double anchor_weight = 1.5;     ///< cost of each number, Latin token or dictionary term left unmatched in a bead
  double lexical_weight = 1.0;    ///< weight of the learned lexicon's evidence (words translated, beyond chance)
  double lexical_dilution = 2.0;  ///< lexical evidence a sentence gives up per log(candidate partners) in a bead
  double punctuation_weight = 0.3;  ///< weight of end-punctuation agreement (learned per document; 0 to ignore)
  double clause_weight = 0.5;  ///< weight of clause agreement: colons and semicolons inside a sentence against
                               ///< sentence breaks on the other side (learned per document and shape; 0 to ignore)
  double lead_in_weight = 3.0;  ///< cost of a bead that ends one side with a lead-in (a short sentence ending in a
                                ///< colon, such as a speaker line) where the other side ends a sentence; 0 to ignore
};

/// Word pairs with association strengths, learned from aligned text and carried across the documents of a batch.
/// Tokens are lower-cased words, single Han characters and normalised numbers. Not thread-safe while being
/// updated; pass one per thread (or merge afterwards) when aligning in parallel.
class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;
  Lexicon(const Lexicon&);
  Lexicon& operator=(const Lexicon&);

  /// Number of (source token, target token) pairs with an association.
  std::size_t size() const;
  /// Number of beads the counts were gathered from.
  std::size_t bead_count() const;
  /// The association (0..1, a Dice coefficient) of `src_token` with `tgt_token` in the direction the lexicon was
  /// learned; 0 when unknown.
  double association(std::string_view src_token, std::string_view tgt_token) const;
  /// The languages of the counts (source, target); both empty until the lexicon is first used.
  std::string source_language() const;
  std::string target_language() const;
  /// Adds the counts of `other` to this one, as if its beads had been learned here too. An empty side takes the
  /// other's direction. Errors: kInvalidArgument when the two were learned between different languages (a
  /// lexicon learned the other way round is turned, not refused). Pairs are then bounded as when learning.
  Status merge(const Lexicon& other);

  struct Impl;

 private:
  friend class SentenceAligner;
  friend std::string lexicons_text(const std::map<std::string, Lexicon>& set);
  friend Result<std::map<std::string, Lexicon>> parse_lexicons(std::string_view text, const std::string& path);
  std::unique_ptr<Impl> impl_;
};

/// Lexicons by language pair, keyed "zh-en" (source language first), as a batch carries them from document to
/// document: each document of a pair starts from what the others taught.
using LexiconSet = std::map<std::string, Lexicon>;

/// The key of a language pair in a LexiconSet: "zh-en".
std::string lexicon_key(std::string_view src_lang, std::string_view tgt_lang);

/// Writes `set` to `path` atomically as UTF-8 text, one record a line, tokens in sorted order (so the same counts
/// give the same bytes): "lexicon\tSRC\tTGT\tBEADS", then "s\tTOKEN\tCOUNT" and "t\tTOKEN\tCOUNT" for the tokens of
/// each side and "p\tSRC-TOKEN\tTGT-TOKEN\tCOUNT" for the token pairs seen in two beads or more (a pair seen once is
/// chance, and most of the bulk). Errors: kIo (unwritable folder, full disk; the old file is left as it was).
Status save_lexicons(const LexiconSet& set, const std::string& path);

/// The text save_lexicons writes.
std::string lexicons_text(const LexiconSet& set);

/// Reads the text of lexicons_text (`path` names it in errors). Reading back what was written gives a lexicon that
/// aligns exactly as the saved one would after a save and load. Errors as load_lexicons.
Result<LexiconSet> parse_lexicons(std::string_view text, const std::string& path = {});

/// Reads what save_lexicons wrote. Errors: kNotFound, kIo, kEncoding, kParse naming the file and line (unknown
/// record, wrong field count, bad count, a pair whose token was not listed, a pair of languages given twice).
Result<LexiconSet> load_lexicons(const std::string& path);

/// The sentence aligner: built once (dictionary loaded), then const and thread-safe.
class SentenceAligner {
 public:
  /// Builds an aligner. Errors: kNotFound / kIo when the dictionary cannot be read, kParse (with its line) when a
  /// dictionary line is not "term<TAB>term", kInvalidArgument when an option is out of range.
  static Result<SentenceAligner> create(const SentenceAlignOptions& options);

  /// Aligns `src` with `tgt` (UTF-8 sentences; languages as ISO 639-1 codes, e.g. "zh", "en"). Returns beads in
  /// order that cover every sentence of both lists exactly once; an empty side yields only omission beads. When
  /// `learned` is given, its pairs help the first pass and this document's confident beads are added to it.
  /// Thread-safe (const) as long as each thread passes its own `learned`.
  std::vector<Bead> align(const std::vector<std::string>& src, const std::vector<std::string>& tgt,
                          std::string_view src_lang, std::string_view tgt_lang, Lexicon* learned = nullptr) const;

  const SentenceAlignOptions& options() const { return options_; }

  struct Dictionary;

 private:
  SentenceAligner() = default;
  SentenceAlignOptions options_;
  std::shared_ptr<const Dictionary> dictionary_;
};

/// Writes beads one per line in the text form "1,2 <=> 3", "2 <=> omitted", "omitted <=> 4" (1-based sentence
/// numbers, source on the left), each line ending in '\n'. Pure; thread-safe.
std::string format_beads(const std::vector<Bead>& beads);

/// Reads the text form written by format_beads (blank lines ignored; confidence left 0). Numbers on each side must
/// be consecutive (in any order: "655,654" reads as 654-655). With `src_count`/`tgt_count` given (non-zero), also
/// checks that the beads cover 1..count of each side exactly once, in order. Errors: kParse with `file` and the 1-based
/// line.
Result<std::vector<Bead>> parse_beads(std::string_view text, std::string_view file = {}, std::size_t src_count = 0,
                                      std::size_t tgt_count = 0);

/// Checks that `beads` cover src_count and tgt_count sentences exactly once, in order. Errors: kInternal naming the
/// first bead that breaks the rule.
Status check_beads(const std::vector<Bead>& beads, std::size_t src_count, std::size_t tgt_count);

}  // namespace paralign
