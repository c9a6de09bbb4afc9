// The QA result as one self-contained HTML page. Everything that comes from a document is escaped; the page loads
// nothing (its Content-Security-Policy allows only its own inline style and script), so a hostile memory cannot make
// a reviser's browser fetch or run anything.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

#include "paralign/report.hpp"
#include "report/qa_report_common.hpp"
#include "report/sha256.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t at = pos;
    char32_t cp = utf8::next(s, pos);
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (cp == 0xFFFD && !(pos - at == 3)) out += "\uFFFD";  // an invalid byte: shown as U+FFFD
        else if (cp < 0x20 && cp != '\t' && cp != '\n') out += ' ';
        else out.append(s.substr(at, pos - at));
    }
  }
  return out;
}

// The text with the given byte ranges wrapped in <mark>; ranges are clipped to the text and to character bounds.
std::string highlight(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>> ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  std::size_t at = 0;
  for (auto [off, len] : ranges) {
    if (off < at || off > text.size()) continue;
    std::size_t end = std::min(text.size(), off + len);
    // Keep to character boundaries so a bad span never cuts a UTF-8 sequence.
    while (off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) == 0x80) ++off;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    if (off > end) continue;
    out += esc(text.substr(at, off - at));
    out += "<mark>" + esc(text.substr(off, end - off)) + "</mark>";
    at = end;
  }
  out += esc(text.substr(at));
  return out;
}

constexpr const char* kStyle = R"(body{font-family:sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #bbb;padding:.3em .5em;vertical-align:top}
th{background:#eee;text-align:left}.error{color:#a00;font-weight:bold}.warning{color:#a60}.info{color:#06a}
.side{width:45%}mark{background:#fd6}.meta{color:#666;font-size:90%}.hidden{display:none}
#findings td.side{font-family:serif;font-size:110%})";

// The page's only script: the filter by check and severity, also set from the address ("report.html#check=
// form.brackets"), so a link can open the page filtered. It marks <body data-ready> so a test can tell that
// scripts ran at all in the browser it used.
constexpr const char* kScript = R"(function paralignFilter(){var c=document.getElementById('check').value;
var s=document.getElementById('severity').value;var rows=document.querySelectorAll('#findings tbody tr');var n=0;
for(var i=0;i<rows.length;i++){var r=rows[i];var ok=(c===''||r.getAttribute('data-check')===c)&&
(s===''||r.getAttribute('data-severity')===s);r.className=ok?'':'hidden';if(ok)n++;}
document.getElementById('shown').textContent=n+' of '+rows.length+' findings shown';}
function paralignFromHash(){var m=/^#check=(.*)$/.exec(location.hash);if(!m)return;var v=decodeURIComponent(m[1]);
var sel=document.getElementById('check');for(var i=0;i<sel.options.length;i++)if(sel.options[i].value===v)sel.value=v;}
document.getElementById('check').addEventListener('change',paralignFilter);
document.getElementById('severity').addEventListener('change',paralignFilter);
window.addEventListener('hashchange',function(){paralignFromHash();paralignFilter();});
paralignFromHash();paralignFilter();document.body.setAttribute('data-ready','1');)";

}  // namespace

std::string qa_to_html(const QaResult& result, const QaInput& input, const HtmlReportOptions& options) {
  std::ostringstream out;
  write_qa_html(result, input, options, out);
  return std::move(out).str();
}

void write_qa_html(const QaResult& result, const QaInput& input, const HtmlReportOptions& options, std::ostream& out) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Only the page's own style and script may run, named by their hashes: an inline script or handler that got into
  // the page some other way is refused by the browser even if escaping had failed.
  h += fmt::format("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                   "'sha256-{}'; script-src 'sha256-{}'; img-src 'none'; font-src 'none'; connect-src 'none'; "
                   "form-action 'none'; base-uri 'none'\">\n",
                   report::sha256_base64(kStyle), report::sha256_base64(kScript));
  h += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  h += "<title>" + esc(options.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  h += "<h1>" + esc(options.title) + "</h1>\n";
  h += fmt::format("<p class=\"meta\">{} units, languages {}; {} errors, {} warnings, {} info{}{}</p>\n", result.units,
                   esc(fmt::format("{}", fmt::join(result.languages, ", "))), result.errors, result.warnings,
                   result.infos, result.suppressed ? fmt::format(", {} suppressed", result.suppressed) : "",
                   options.generated.empty() ? "" : "; generated " + esc(options.generated));
  for (const std::string& n : result.notes) h += "<p class=\"meta\">Note: " + esc(n) + "</p>\n";

  // Summary by check and severity.
  std::map<std::string, std::array<std::size_t, 3>> counts;
  for (const Finding& f : result.findings) ++counts[f.check][static_cast<int>(f.severity)];
  h += "<h2>Summary</h2>\n<table id=\"summary\">\n<thead><tr><th>check</th><th>error</th><th>warning</th>"
       "<th>info</th></tr></thead>\n<tbody>\n";
  for (const auto& [check, c] : counts)
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(check), c[2], c[1], c[0]);
  h += "</tbody>\n</table>\n";

  if (!result.terms.empty()) {
    h += "<h2>Terms</h2>\n<table id=\"terms\">\n<thead><tr><th>source</th><th>language</th><th>approved</th>"
         "<th>occurrences</th><th>compliant</th><th>violations</th></tr></thead>\n<tbody>\n";
    for (const TermReport& t : result.terms)
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(t.source),
                       esc(t.language), esc(t.approved), t.occurrences, t.compliant, t.violations);
    h += "</tbody>\n</table>\n";
  }

  h += "<h2>Findings</h2>\n<p><label>check <select id=\"check\"><option value=\"\">all</option>";
  for (const auto& [check, c] : counts) h += "<option value=\"" + esc(check) + "\">" + esc(check) + "</option>";
  h += "</select></label> <label>severity <select id=\"severity\"><option value=\"\">all</option><option>error"
       "</option><option>warning</option><option>info</option></select></label> <span id=\"shown\"></span></p>\n";
  const std::string src_lang = input.languages.empty() ? "" : input.languages[0];
  h += "<table id=\"findings\">\n<thead><tr><th>unit</th><th>check</th><th>message</th><th class=\"side\">" +
       esc(src_lang) + "</th><th class=\"side\">target</th></tr></thead>\n<tbody>\n";
  for (const Finding& f : result.findings) {
    std::size_t k = report::language_index(input, f.language);
    std::vector<std::pair<std::size_t, std::size_t>> src_spans, tgt_spans;
    for (const QaSpan& s : f.spans) {
      std::size_t li = report::language_index(input, s.language);
      if (li == 0 && s.language == src_lang) src_spans.emplace_back(s.offset, s.length);
      else if (li == k && k != 0) tgt_spans.emplace_back(s.offset, s.length);
    }
    const QaUnit* u = f.unit < input.units.size() ? &input.units[f.unit] : nullptr;
    std::string meta;
    if (u && !u->paragraph.empty()) meta += " ¶" + esc(u->paragraph);
    if (u && !u->symbol.empty()) meta += " " + esc(u->symbol);
    if (u && !u->id.empty()) meta += " " + esc(u->id);
    h += fmt::format(
        "<tr data-check=\"{}\" data-severity=\"{}\"><td>{}<div class=\"meta\">{}</div></td><td class=\"{}\">{}<div "
        "class=\"meta\">{}</div></td><td>{}</td><td class=\"side\" lang=\"{}\">{}</td><td class=\"side\" "
        "lang=\"{}\">{}</td></tr>\n",
        esc(f.check), to_string(f.severity), f.unit, meta, to_string(f.severity), esc(f.check),
        to_string(f.severity), esc(f.message), esc(src_lang),
        highlight(report::side_text(input, f.unit, 0), src_spans), esc(f.language),
        k == 0 ? std::string() : highlight(report::side_text(input, f.unit, k), tgt_spans));
    // Sent on in pieces of some 64 KB: the page of a large memory is never held whole.
    if (h.size() >= (std::size_t{1} << 16)) {
      out << h;
      h.clear();
    }
  }
  h += "</tbody>\n</table>\n";
  h += std::string("<script>") + kScript + "</script>\n</body>\n</html>\n";
  out << h;
}

}  // namespace paralign
