// The QA result as JSON (docs/qa-json.md) and the console summary.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sstream>

#include "paralign/report.hpp"
#include "report/qa_report_common.hpp"
#include "util/json.hpp"

namespace paralign {

namespace report {

std::size_t language_index(const QaInput& input, std::string_view language) {
  for (std::size_t k = 0; k < input.languages.size(); ++k)
    if (input.languages[k] == language) return k;
  return 0;
}

std::string_view side_text(const QaInput& input, std::size_t unit, std::size_t lang) {
  if (unit >= input.units.size() || lang >= input.units[unit].sides.size()) return {};
  return input.units[unit].sides[lang].text;
}

}  // namespace report

std::string qa_to_json(const QaResult& result, const QaInput& input) {
  std::ostringstream out;
  write_qa_json(result, input, out);
  return std::move(out).str();
}

void write_qa_json(const QaResult& result, const QaInput& input, std::ostream& out) {
  json::Writer w;
  w.begin_object();
  w.key("version").value(1);
  w.key("languages").begin_array();
  for (const std::string& l : result.languages) w.value(l);
  w.end_array();
  w.key("units").value(result.units);
  w.key("summary").begin_object();
  w.key("errors").value(result.errors);
  w.key("warnings").value(result.warnings);
  w.key("infos").value(result.infos);
  w.key("suppressed").value(result.suppressed);
  w.key("by_check").begin_object();
  for (const auto& [check, n] : result.by_check) w.key(check).value(n);
  w.end_object();
  w.end_object();
  w.key("findings").begin_array();
  for (const Finding& f : result.findings) {
    w.begin_object();
    w.key("check").value(f.check);
    w.key("severity").value(to_string(f.severity));
    w.key("unit").value(f.unit);
    const QaUnit* u = f.unit < input.units.size() ? &input.units[f.unit] : nullptr;
    w.key("id").value(u ? u->id : "");
    w.key("paragraph").value(u ? u->paragraph : "");
    w.key("symbol").value(u ? u->symbol : "");
    w.key("language").value(f.language);
    w.key("spans").begin_array();
    for (const QaSpan& s : f.spans) {
      w.begin_object();
      w.key("language").value(s.language);
      w.key("offset").value(s.offset);
      w.key("length").value(s.length);
      std::string_view text = report::side_text(input, f.unit, report::language_index(input, s.language));
      w.key("text").value(s.offset + s.length <= text.size() ? text.substr(s.offset, s.length) : std::string_view());
      w.end_object();
    }
    w.end_array();
    w.key("message").value(f.message);
    w.key("key").value(f.key);
    w.end_object();
    w.drain(out);
  }
  w.end_array();
  w.key("terms").begin_array();
  for (const TermReport& t : result.terms) {
    w.begin_object();
    w.key("source").value(t.source);
    w.key("language").value(t.language);
    w.key("approved").value(t.approved);
    w.key("occurrences").value(t.occurrences);
    w.key("compliant").value(t.compliant);
    w.key("violations").value(t.violations);
    w.end_object();
  }
  w.end_array();
  w.key("notes").begin_array();
  for (const std::string& n : result.notes) w.value(n);
  w.end_array();
  w.end_object();
  w.finish(out);
}

std::string qa_summary_text(const QaResult& result) {
  std::string out = fmt::format("{} units checked ({}): {} errors, {} warnings, {} info", result.units,
                                fmt::join(result.languages, ", "), result.errors, result.warnings, result.infos);
  if (result.suppressed) out += fmt::format(" ({} suppressed)", result.suppressed);
  out += '\n';
  for (const auto& [check, n] : result.by_check) out += fmt::format("  {:<32} {:>6}\n", check, n);
  for (const TermReport& t : result.terms)
    out += fmt::format("  term {} → {}: {} occurrences, {} compliant, {} violations\n", t.source, t.language,
                       t.occurrences, t.compliant, t.violations);
  for (const std::string& n : result.notes) out += "  note: " + n + '\n';
  return out;
}

}  // namespace paralign
