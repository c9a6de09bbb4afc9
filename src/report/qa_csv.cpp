// The QA result as CSV for spreadsheets.
#include <fmt/format.h>

#include <sstream>

#include "paralign/report.hpp"
#include "report/qa_report_common.hpp"

namespace paralign {

namespace {

std::string cell(std::string_view s) {
  std::string v(s);
  // A cell a spreadsheet would read as a formula is made text.
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(v.begin(), '\'');
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string qa_to_csv(const QaResult& result, const QaInput& input) {
  std::ostringstream out;
  write_qa_csv(result, input, out);
  return std::move(out).str();
}

void write_qa_csv(const QaResult& result, const QaInput& input, std::ostream& out) {
  out << "unit,id,paragraph,check,severity,language,message,source,target,key\r\n";
  for (const Finding& f : result.findings) {
    const QaUnit* u = f.unit < input.units.size() ? &input.units[f.unit] : nullptr;
    std::size_t k = report::language_index(input, f.language);
    out << fmt::format("{},{},{},{},{},{},{},{},{},{}\r\n", f.unit, cell(u ? u->id : ""), cell(u ? u->paragraph : ""),
                       cell(f.check), to_string(f.severity), cell(f.language), cell(f.message),
                       cell(report::side_text(input, f.unit, 0)),
                       cell(k == 0 ? std::string_view() : report::side_text(input, f.unit, k)), cell(f.key));
  }
}

}  // namespace paralign
