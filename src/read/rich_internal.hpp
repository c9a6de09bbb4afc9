// Internal to the read stage: what the DOCX, HTML and UN Parallel Corpus readers share. Each reader turns its file
// into a list of paragraphs it knows for sure (where they break, their footnote marks, heading styles, table rows);
// build_rich_document lays them out as text the structure stage reads unambiguously (one paragraph per line, a
// line holding one space between paragraphs, the notes under the notes heading), lets it recognise labels,
// numbered paragraphs and the summary as for any text, and then puts back what the format knew.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "paralign/document.hpp"
#include "paralign/read.hpp"
#include "paralign/status.hpp"

namespace paralign::rich {

/// What the format says a paragraph is.
enum class Role {
  kBody,      ///< running text; the structure stage decides (title, heading by label, numbered paragraph...)
  kHeading,   ///< a heading style (Word "Heading N", outline level; HTML <hN>)
  kTableRow,  ///< one row of a table, cells separated by a space
  kNote,      ///< a footnote or endnote; `note` is its number
};

struct Paragraph {
  Role role = Role::kBody;
  std::string text;        ///< UTF-8; line breaks and tabs inside are treated as spaces
  int outline_level = 0;   ///< kHeading: 1 = chapter .. 4; 0 when unknown
  int note = 0;            ///< kNote: the note's number as displayed
  std::size_t source = 0;  ///< the paragraph's ordinal or source line, for Block::lines
  std::vector<std::pair<std::size_t, int>> markers;               ///< (byte offset in text, note number)
  std::vector<std::pair<std::size_t, std::size_t>> sentence_starts;  ///< (byte offset in text, source line)
};

struct RichText {
  std::vector<Paragraph> paragraphs;  ///< body paragraphs and notes, notes in any place (they are moved last)
  std::string language;               ///< from the file (w:lang, xml:lang); "" when it does not say
  std::string symbol;                 ///< from the file's metadata; "" when it does not say
  std::string encoding = "UTF-8";     ///< for Document::encoding
  /// The paragraphs' `markers` are all the footnote marks there are (DOCX, HTML): the structure stage's guesses
  /// are replaced. False when the format has no markup for them (UN Parallel Corpus XML): its guesses stay.
  bool exact_markers = true;
};

/// Builds the Document of `text` read from `path`: options.language / options.symbol win over the file's own, the
/// language is detected from the text when neither gives it. Errors: kEmpty (no paragraph holds text), kTooLarge
/// (the laid-out text over options.max_input_bytes), and those of build_structure, each naming `path`.
Result<Document> build_rich_document(RichText text, const std::string& path, const ReadOptions& options);

/// Appends `piece` to `out` as running text: white space (tabs, line breaks, no-break spaces) becomes one space;
/// none is put between two CJK characters. Used by the readers while they gather a paragraph's runs.
void append_text(std::string& out, std::string_view piece);

/// `out` without spaces at its ends; offsets in `markers` and `sentence_starts` are moved with the text.
void trim_paragraph(Paragraph& p);

/// The word that opens the notes section in `language` ("注", "Notes", "Notas", "Примечания", "الحواشي").
std::string_view notes_word(std::string_view language);

}  // namespace paralign::rich
