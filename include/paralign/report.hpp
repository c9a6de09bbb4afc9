// paralign/report.hpp — writing a QA result for people and programs: JSON, a self-contained HTML page, CSV and a
// short console summary.
//
// Every writer returns the whole text; the caller writes it (atomically, through the CLI). The QA reports can also
// be written to a stream as they are made, which a large memory's reports need. Output is deterministic:
// the same result gives the same bytes, with the tool version and any date passed in, never read from the clock.
//
//   paralign::QaResult r = checker->check(input);
//   std::string json = paralign::qa_to_json(r, input);           // docs/qa-json.md
//   std::string html = paralign::qa_to_html(r, input, {.title = "A/59/181 zh→en"});
#pragma once

#include <ostream>
#include <string>

#include "paralign/qa.hpp"

namespace paralign {

/// What the HTML page shows in its heading.
struct HtmlReportOptions {
  std::string title = "paralign QA report";  ///< page title (escaped like all text)
  std::string generated;                      ///< e.g. a date given by the caller; "" to leave out
};

/// The result as one JSON object: {"version":1,"languages":[...],"units":N,"summary":{...},"findings":[...],
/// "terms":[...],"notes":[...]} (docs/qa-json.md). `input` supplies the unit ids, paragraph numbers and symbols.
/// Pure; thread-safe.
std::string qa_to_json(const QaResult& result, const QaInput& input);
/// The same text written to `out` a finding at a time, so that a large report is never held whole (the 100 MB
/// collection's is 36 MB). Write errors are left on the stream's state. Thread-safe for distinct streams.
void write_qa_json(const QaResult& result, const QaInput& input, std::ostream& out);

/// A self-contained HTML page: a summary table by check and severity, then every finding with the source and
/// target side by side, the offending spans highlighted, the unit's paragraph and symbol, and a filter by check
/// (inline script, no network; a Content-Security-Policy meta tag forbids anything else). All document text is
/// escaped. Pure; thread-safe.
std::string qa_to_html(const QaResult& result, const QaInput& input, const HtmlReportOptions& options = {});
/// The same page written to `out` as it is made (see write_qa_json).
void write_qa_html(const QaResult& result, const QaInput& input, const HtmlReportOptions& options, std::ostream& out);

/// CSV (RFC 4180, UTF-8 with a header line): unit, id, paragraph, check, severity, language, message, source,
/// target, key. Cells starting with = + - @ are prefixed with ' so spreadsheets do not run them. Pure; thread-safe.
std::string qa_to_csv(const QaResult& result, const QaInput& input);
/// The same text written to `out` a row at a time (see write_qa_json).
void write_qa_csv(const QaResult& result, const QaInput& input, std::ostream& out);

/// The term pairs discovery found (TermDiscoverer), as TSV for a CAT tool's termbase import: a header line of the
/// language codes then `units` and `note`, one row per source term and rendering (a term rendered two ways gives two
/// rows, the commoner first; the note says so). TAB, newline and backslash in a term are written \t, \n, \\.
/// Only terms with at least one rendering appear. Pure; thread-safe.
std::string terms_to_tsv(const TermDiscovery& terms, const QaInput& input);

/// The same as TBX-Basic in the ISO 30042:2019 form (`<tbx type="TBX-Basic" style="dca">`): one conceptEntry per
/// source term, a langSec per language, the commonest rendering `preferredTerm-admn-sts` and the others
/// `admittedTerm-admn-sts`, with a note of the units each was found in. Characters XML 1.0 forbids are dropped.
/// `paralign qa --glossary` reads it back. Pure; thread-safe.
std::string terms_to_tbx(const TermDiscovery& terms, const QaInput& input, const std::string& description = "");

/// A few lines for the terminal: units checked, findings by severity, the counts by check, notes. Pure.
std::string qa_summary_text(const QaResult& result);

}  // namespace paralign
