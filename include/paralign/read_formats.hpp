// paralign/read_formats.hpp — reading Word, PDF, HTML and UN Parallel Corpus files into a Document.
//
// UN documents reach translators as Word files and PDFs from the Official Document System, as web pages and as XML
// in corpora. Each reader here turns one of those into the same Document the plain-text reader makes, so alignment
// and QA need no change:
//
// * DOCX (libzip + libxml2): paragraphs with Word's automatic numbering rendered as the visible number ("1.",
//   "(a)", "IV.", "一、"), heading styles, footnotes with their reference marks, table rows, tracked changes
//   accepted, field instructions and hidden text left out. Zip entries are checked against a size limit and a
//   compression-ratio limit before they are inflated (a zip bomb is refused).
// * PDF (Poppler): the text of each page in reading order, then the plain-text path (reflow, running headers, page
//   numbers and page-foot notes).
// * HTML (libxml2's HTML parser): <p>, <h1>-<h6>, <li>, table rows; footnote references written as <sup>N</sup> or
//   links to "#fnN"; a footnotes section (class or id naming footnotes/endnotes).
// * UN Parallel Corpus XML (<doc> with <p id> holding <s id> sentences): each <p> is a paragraph whose sentences
//   keep their own source lines.
//
// Paragraphs from the rich formats are laid out as text and built by the structure stage (structure.hpp), so a
// label, a numbered paragraph or the summary is recognised exactly as in plain text; what the format says for sure
// (paragraph breaks, footnote marks, heading styles, table rows) then overrides the guesses. Block::lines holds
// the 1-based ordinal of the source paragraph (DOCX), or the source line of the element (HTML, XML), or the line of
// the extracted text (PDF).
//
//   paralign::ReadOptions opts;
//   auto doc = paralign::read_document("A_80_999.zh.docx", opts);      // dispatches on extension and magic bytes
//   auto fmt = paralign::detect_format("report.bin", first_bytes);     // InputFormat::kDocx for a Word package
#pragma once

#include <string>
#include <string_view>

#include "paralign/document.hpp"
#include "paralign/read.hpp"
#include "paralign/status.hpp"

namespace paralign {

/// The kinds of file read_document knows.
enum class InputFormat {
  kText,  ///< plain text in any encoding decode_text knows
  kXml,   ///< XML read through read_xml.hpp (UDHR, --xml-unit), or UN Parallel Corpus XML
  kDocx,  ///< a Word 2007+ package (zip holding word/document.xml)
  kPdf,   ///< a PDF file
  kHtml,  ///< an HTML page
};

/// "text", "xml", "docx", "pdf", "html".
std::string_view to_string(InputFormat format);

/// The format of a file: a file named *.txt or *.text is text; otherwise its first bytes decide (magic: "PK\3\4"
/// zip, "%PDF-", "<html"/"<!DOCTYPE html", "<?xml") and, when they say nothing, its extension (.docx, .pdf,
/// .htm/.html/.xhtml, .xml). So a PDF saved as report.doc or with no extension is still read as PDF. Pure;
/// thread-safe.
InputFormat detect_format(std::string_view path, std::string_view head);

/// Reads a DOCX package held in `bytes` (from file `name`, used in messages). Thread-safe.
/// Errors: kParse (not a zip, a truncated or damaged zip, no word/document.xml, malformed XML inside, an encrypted
/// entry), kTooLarge (an entry over options.max_unpacked_bytes, or inflating more than
/// options.max_compression_ratio times its stored size: a zip bomb), kEmpty (no text), each naming the file.
Result<Document> parse_docx(std::string_view bytes, const std::string& name, const ReadOptions& options);

/// Reads a PDF held in `bytes`. Thread-safe (Poppler documents are not shared). Errors: kParse (not a PDF, damaged,
/// encrypted), kEmpty ("no text layer": a scanned PDF, whose pages are images), each naming the file.
Result<Document> parse_pdf(std::string_view bytes, const std::string& name, const ReadOptions& options);

/// Reads an HTML page held in `bytes`; the encoding comes from a BOM, a <meta charset> or UTF-8. Thread-safe.
/// Errors: kBinary (NUL bytes), kParse (nothing an HTML parser can read), kEmpty (no text in <body>).
Result<Document> parse_html(std::string_view bytes, const std::string& name, const ReadOptions& options);

/// True when `bytes` hold UN Parallel Corpus XML: the root element is <doc> and it has <p> elements holding <s>.
/// Looks at the first 64 KB only. Thread-safe.
bool looks_like_unpc(std::string_view bytes);

/// Reads UN Parallel Corpus XML held in `bytes`. The language comes from options.language, else the root's
/// lang/xml:lang attribute, else the text; the symbol from options.symbol, else a root attribute or <symbol>
/// element, else the text. Thread-safe. Errors: kParse (malformed XML with its line, declared entities, a root
/// other than <doc>), kEmpty (no <p> with text).
Result<Document> parse_unpc(std::string_view bytes, const std::string& name, const ReadOptions& options);

}  // namespace paralign
