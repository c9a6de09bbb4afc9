// paralign/document.hpp — the document model every stage shares.
//
// A Document is one language version of a UN report as paralign understands it: its symbol (A/59/181), its
// language, and its text as an ordered list of Blocks (title, summary, headings with their labels, numbered
// paragraphs, footnotes...). Whatever the reader removed as page furniture (page numbers, the running symbol header,
// repeated link lines) is kept in `furniture`, so nothing the user gave is silently lost.
//
// Readers (read.hpp) produce Documents; the structure stage (structure.hpp) builds the blocks; the aligner
// (align.hpp) pairs the blocks of two Documents. Plain values: copyable, no hidden state, safe to share between
// threads once built.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paralign {

/// What a block is in the report's structure.
enum class BlockKind {
  kTitle,      ///< the report's title (and agenda item lines above it)
  kSummary,    ///< a paragraph of the summary (摘要 / Summary)
  kHeading,    ///< a heading, with `label` (一./I., A., 1., (a)) and `level`
  kParagraph,  ///< a body paragraph; `number` is set when it is numbered (1..N)
  kItem,       ///< a list item inside a paragraph's enumeration, or an unnumbered list line
  kFootnote,   ///< a footnote; `number` is its number (or null for * and ** notes)
  kOther,      ///< anything else kept as text (annex text, signatures, tables)
};

/// The JSON name of a kind: "title", "summary", "heading", "paragraph", "item", "footnote", "other".
std::string_view to_string(BlockKind kind);

/// A footnote marker found in a block's text: the note's number and where the marker stood.
struct FootnoteMarker {
  int number = 0;
  std::size_t offset = 0;  ///< byte offset into Block::text where the marker was removed
};

/// An inclusive range of 1-based source lines.
struct LineRange {
  std::size_t first = 0;
  std::size_t last = 0;
};

/// Where one source line of segmented input (one sentence per line) stands inside a block's text.
struct SourceLine {
  std::size_t offset = 0;  ///< byte offset into Block::text where the line's text begins
  std::size_t line = 0;    ///< its 1-based line number in the source
};

/// One unit of the report's structure.
struct Block {
  BlockKind kind = BlockKind::kOther;
  std::optional<int> number;  ///< paragraph or footnote number, when it has one
  std::string label;          ///< heading label as written ("一.", "I.", "A.", "1.", "(a)"); empty when none
  int level = 0;              ///< heading level: 1 chapter, 2 section, 3 subsection, 4 item; 0 when not a heading
  std::string text;           ///< the text as rebuilt: lines joined, number/label and markers taken out
  std::vector<FootnoteMarker> markers;
  LineRange lines;            ///< the source lines the block came from
  /// Segmented input only (StructureOptions::segmented): one entry per input line (= one sentence) in the block,
  /// in order, so the aligner can keep each line as a sentence with its line number. Empty for running text,
  /// where line breaks carry no meaning and the text holds none.
  std::vector<SourceLine> source_lines;
};

/// Something the reader removed from the running text, kept so nothing is silently lost.
struct Furniture {
  std::string kind;  ///< "page-number", "running-header", "link-repeat", "separator", "hyphen" (a line-end hyphen
                     ///< dropped when a broken word was rejoined), "other" (job numbers, bar codes)
  std::string text;  ///< as it stood in the source (trimmed)
  LineRange lines;
};

/// One language version of a report.
struct Document {
  std::string path;      ///< the file it was read from (empty for in-memory text)
  std::string symbol;    ///< the document symbol, e.g. "A/59/181"; empty when not found
  std::string language;  ///< ISO 639-1 code: zh, en, fr, es, ru, ar
  std::string encoding;  ///< the encoding the source was read in (e.g. "UTF-8", "GB18030")
  std::vector<Block> blocks;
  std::vector<Furniture> furniture;
};

}  // namespace paralign
