// paralign/align.hpp — pairing the blocks of two language versions, and the whole align pipeline.
//
// Block level (align_documents): numbered paragraphs pair by number, headings by their label path (chapter
// 一./I., section A., subsection 1., item (a)/（a）) and footnotes by number. These anchors are chained: of all the
// anchor pairs the two versions share, the heaviest chain that runs forward in both documents is kept (a weighted
// longest increasing subsequence), so a number found on one side only, a split paragraph or a numbering slip in one
// language costs a note and a few unpaired blocks, never the rest of the document. Between two consecutive anchors
// the remaining blocks (title, summary, unnumbered headings, lists, annex text, and anchors the chain dropped) are
// paired by a small dynamic programme scored on length (ratio learnt from the anchored pairs) and the references
// the blocks share (symbols, resolution numbers, numbers, dates, URLs). Footnotes are aligned as a stream of their
// own, since page breaks put them at different places in different languages. Misalignment is data: a block
// without counterpart is a 1-0 or 0-1 pair with a note.
//
// Pipeline level (align_versions): a pivot document and one or more translations are aligned block by block, then
// sentence by sentence inside each block pair (sentences from the segmenter, beads from the sentence aligner), and
// merged into units: one unit per group of pivot sentences, with the sentences of every language that translate
// them. Every input sentence of every language appears in exactly one unit.
//
//   paralign::AlignOptions opts;
//   paralign::Result<paralign::DocumentAlignment> a = paralign::align_documents(zh_doc, en_doc, opts);
//   if (!a) return a.status();                        // kMismatch: the symbols differ and opts.force is false
//   for (const paralign::BlockPair& p : a->pairs) { /* p.src, p.tgt: block indices; p.how: why they pair */ }
//
//   paralign::PipelineOptions popts;                   // sentence level by default
//   auto m = paralign::align_versions(zh_doc, {en_doc, fr_doc}, popts);
//   for (const paralign::AlignedUnit& u : m->units) { /* u.spans[k]: sentences of m->languages[k] */ }
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paralign/document.hpp"
#include "paralign/read.hpp"
#include "paralign/sentence_align.hpp"
#include "paralign/status.hpp"

namespace paralign {

/// How the block aligner pairs and scores. Every field has a working default.
struct AlignOptions {
  bool force = false;             ///< align even when the two documents carry different symbols
  int max_group = 3;              ///< largest number of blocks on one side of a content-paired group (1..4)
  double skip_cost = 6.0;         ///< cost of leaving one block without counterpart (in -log probability units)
  double reference_weight = 4.0;  ///< how much shared references (numbers, symbols, dates, URLs) lower a pair's cost
  double length_variance = 6.8;   ///< variance per character of the length model (target characters)
};

/// Why two groups of blocks were paired.
enum class PairReason {
  kNumber,    ///< numbered paragraphs (or keyed XML units) with the same number
  kLabel,     ///< headings with the same label path
  kFootnote,  ///< footnotes with the same number
  kContent,   ///< paired between anchors by length and shared references
  kUnpaired,  ///< one side is empty: a block without counterpart
};

/// The JSON name of a reason: "number", "label", "footnote", "content", "unpaired".
std::string_view to_string(PairReason reason);

/// A group of source blocks paired with a group of target blocks (1-1, 1-0, 0-1, 2-1, 1-2, ...). Indices are into
/// Document::blocks, ascending. One side may be empty (a block without counterpart).
struct BlockPair {
  std::vector<std::size_t> src;
  std::vector<std::size_t> tgt;
  PairReason reason = PairReason::kContent;
  double confidence = 0.0;  ///< 0..1; anchors are 1 unless their content disagrees
};

/// Something the aligner wants the user to know: an anchor on one side only, an anchor out of order, a block left
/// without counterpart. `src_block`/`tgt_block` name the blocks concerned when there are any.
struct AlignmentNote {
  std::string message;
  std::optional<std::size_t> src_block;
  std::optional<std::size_t> tgt_block;
};

/// The block alignment of two documents. `pairs` cover every block of both documents exactly once: first the body
/// in document order, then the footnotes in order.
struct DocumentAlignment {
  std::vector<BlockPair> pairs;
  std::vector<AlignmentNote> notes;
  std::size_t anchors = 0;     ///< pairs found by number, label or footnote number and kept in the chain
  double length_ratio = 1.0;   ///< target characters per source character, learnt from the anchored pairs
};

/// Pairs the blocks of `src` with those of `tgt`. Pure; thread-safe.
/// Errors: kMismatch when both documents carry a symbol and the symbols differ (unless options.force);
/// kInvalidArgument when an option is out of range.
Result<DocumentAlignment> align_documents(const Document& src, const Document& tgt, const AlignOptions& options);

/// The anchor key of each block of `doc` ("p:12", "h:2/A/1", "f:3"), or "" for blocks without one. Heading paths
/// are built from the labels of the enclosing headings, with Chinese and Roman numerals read as numbers and
/// full-width letters folded, so 二.→A.→1. and II.→A.→1. give the same key. Exposed for `inspect` and the tests.
std::vector<std::string> anchor_keys(const Document& doc);

// ---------------------------------------------------------------------------------------------------------------
// The pipeline: blocks, then sentences, then N-way units.

/// The unit of output.
enum class AlignLevel {
  kParagraph,  ///< one segment per block
  kSentence,   ///< blocks cut into sentences by the segmenter, aligned by the sentence aligner
};

/// How the whole pipeline runs. Every field has a working default.
struct PipelineOptions {
  AlignOptions blocks;                    ///< the block aligner's options
  AlignLevel level = AlignLevel::kSentence;
  bool segmented = false;                 ///< the documents were read one sentence per line: each line is a segment
  std::string dictionary_path;            ///< bilingual term list for the sentence aligner; "" for none
  /// Word pairs learned from other documents, by language pair (lexicon_key(pivot, translation)): each
  /// translation's sentences are aligned starting from a copy of its pair's lexicon, so that every document of a
  /// batch starts from the same lexicon whatever the order the documents run in. Null: each document learns alone.
  std::shared_ptr<const LexiconSet> lexicons;
  /// Return, in MultiAlignment::lexicons, each pair's lexicon as it stands after this document (the start given
  /// in `lexicons` plus what this document taught).
  bool keep_lexicons = false;
};

/// One segment (sentence or block) of one language version, as the pipeline cut it.
struct Segment {
  std::string text;
  std::size_t block = 0;   ///< index into Document::blocks
  std::size_t line = 0;    ///< 1-based first source line (for --segmented input, the segment's own line)
};

/// Consecutive segments [begin, begin + size) of one language.
struct SegmentSpan {
  std::size_t begin = 0;
  std::size_t size = 0;
  std::size_t end() const { return begin + size; }
};

/// One unit of the memory: for each language (in MultiAlignment::languages order) the segments that translate each
/// other. The pivot's span is empty for a unit made of target sentences that have no pivot counterpart.
struct AlignedUnit {
  std::vector<SegmentSpan> spans;  ///< one per language; size 0 when that language has nothing here
  std::string anchor;              ///< the pivot block's anchor key ("p:12", "h:2/A", "f:3"), "" when none
  BlockKind kind = BlockKind::kOther;  ///< the kind of the (first) pivot block, or of the first block present
  double confidence = 0.0;         ///< the lowest confidence over the languages' beads, 0..1
};

/// Per language: what happened to its segments. aligned + unpaired == segments.
struct LanguageReport {
  std::string language;
  std::size_t segments = 0;  ///< segments read
  std::size_t aligned = 0;   ///< segments in a unit with at least one other language
  std::size_t unpaired = 0;  ///< segments alone in their unit (1-0 / 0-1)
  std::vector<std::size_t> unpaired_segments;  ///< their indices
};

/// A pivot document aligned with one or more translations.
struct MultiAlignment {
  std::vector<std::string> languages;            ///< [0] the pivot, then the translations in the order given
  std::vector<std::vector<Segment>> segments;    ///< per language: the body in reading order, then the footnotes
  std::vector<AlignedUnit> units;                ///< in pivot order; target-only units after their neighbours
  std::vector<LanguageReport> reports;           ///< per language
  std::vector<std::vector<AlignmentNote>> notes; ///< per translation (index k-1 for language k): block-level notes
  /// For a single translation: the sentence beads over the whole document, 0-based segment indices, in order, as
  /// pairs of spans (pivot, translation). Empty with several translations.
  std::vector<std::pair<SegmentSpan, SegmentSpan>> beads;
  /// With PipelineOptions::keep_lexicons: each pair's lexicon after this document, keyed lexicon_key(pivot, lang).
  LexiconSet lexicons;
};

/// Aligns `pivot` with each of `translations` and merges the results into units. Languages are taken from
/// Document::language (they must be set and distinct). Errors: those of align_documents (naming the pair), those of
/// the sentence aligner's creation (dictionary), kInvalidArgument when no translation is given or a language is
/// missing or repeated. Thread-safe.
Result<MultiAlignment> align_versions(const Document& pivot, const std::vector<Document>& translations,
                                      const PipelineOptions& options);

/// The segments one document is cut into before alignment, in the order the aligner takes them (the body's blocks,
/// then the footnotes): one per block at AlignLevel::kParagraph, one per line with `segmented`, otherwise the
/// sentences the document's language's Segmenter finds in each line of a block (a line break inside a block is a
/// hard boundary). The same cut align_versions makes; `paralign inspect --sentences` shows it. Only `level` and
/// `segmented` of `options` are used. Errors: the Segmenter's (the language's data file). Thread-safe.
Result<std::vector<Segment>> document_segments(const Document& doc, const PipelineOptions& options);

/// Builds a Document from one-sentence-per-line text (the --segmented input): a line opening with "12. " starts
/// numbered paragraph 12 and the lines after it belong to it; without any numbered line the whole text is one block,
/// so the sentence aligner sees the document at once. Lines keep their 1-based numbers (blank lines included), and
/// align_versions with PipelineOptions::segmented makes each non-blank line one segment. Pure; thread-safe.
Document build_segmented_document(std::string_view text, const std::string& language, const std::string& path);

/// Reads a one-sentence-per-line file (the --segmented input) into the Document build_segmented_document makes:
/// decoded as read_document decodes (options.encoding, options.max_input_bytes), in options.language or the language
/// detected. Errors: those of reading and decoding, kEmpty when the file holds no text; each naming the file.
Result<Document> read_segmented_document(const std::string& path, const ReadOptions& options);

/// Champollion-style beads, one per line: "1,2 <=> 3", "4 <=> omitted", "omitted <=> 5", numbered 1-based over
/// the segments, or by their source line when the input was segmented (`by_line`). Needs exactly one translation.
std::string format_document_beads(const MultiAlignment& alignment, bool by_line);

}  // namespace paralign
