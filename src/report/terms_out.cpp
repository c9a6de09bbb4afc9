// The discovered term pairs as TSV and TBX-Basic, for a CAT tool's termbase.
#include <fmt/format.h>

#include <map>

#include "paralign/report.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

std::string tsv_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

// XML text: escaped, and without the characters XML 1.0 forbids (C0 controls but TAB/LF/CR, U+FFFE, U+FFFF).
std::string xml(std::string_view s) {
  std::string out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t at = pos;
    char32_t cp = utf8::next(s, pos);
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) break;
        if (cp == 0xFFFD && pos - at != 3) {  // an invalid byte: written as U+FFFD
          out += "\uFFFD";
          break;
        }
        out.append(s.substr(at, pos - at));
    }
  }
  return out;
}

// Source terms in discovery order, each with its renderings per target language.
std::vector<std::pair<std::string, std::map<std::size_t, const DiscoveredTerm*>>> by_source(const TermDiscovery& d) {
  std::vector<std::pair<std::string, std::map<std::size_t, const DiscoveredTerm*>>> out;
  std::map<std::string, std::size_t> index;
  for (const DiscoveredTerm& t : d.terms) {
    if (t.renderings.empty()) continue;
    auto [it, fresh] = index.try_emplace(t.source, out.size());
    if (fresh) out.push_back({t.source, {}});
    out[it->second].second[t.language] = &t;
  }
  return out;
}

}  // namespace

std::string terms_to_tsv(const TermDiscovery& d, const QaInput& input) {
  std::string out;
  if (input.languages.empty()) return out;
  for (std::size_t k = 1; k < input.languages.size(); ++k) {
    out += fmt::format("{}\t{}\tunits\tnote\n", tsv_cell(input.languages[0]), tsv_cell(input.languages[k]));
    for (const DiscoveredTerm& t : d.terms) {
      if (t.language != k) continue;
      for (std::size_t i = 0; i < t.renderings.size(); ++i) {
        const TermRendering& r = t.renderings[i];
        std::string note = t.renderings.size() > 1
                               ? fmt::format("rendering {} of {} (term in {} units)", i + 1, t.renderings.size(), t.units.size())
                               : fmt::format("term in {} units", t.units.size());
        out += fmt::format("{}\t{}\t{}\t{}\n", tsv_cell(t.source), tsv_cell(r.text), r.units.size(), note);
      }
    }
  }
  return out;
}

std::string terms_to_tbx(const TermDiscovery& d, const QaInput& input, const std::string& description) {
  const std::string src = input.languages.empty() ? "und" : input.languages[0];
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"{}\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n", xml(src));
  out += "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>" +
         xml(description.empty() ? "Term pairs found by paralign terms extract" : description) +
         "</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n  <text>\n    <body>\n";
  std::size_t n = 0;
  for (const auto& [source, langs] : by_source(d)) {
    out += fmt::format("      <conceptEntry id=\"c{}\">\n", ++n);
    const DiscoveredTerm* any = langs.begin()->second;
    out += fmt::format("        <langSec xml:lang=\"{}\">\n          <termSec>\n            <term>{}</term>\n"
                       "            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>\n"
                       "            <note>found in {} units</note>\n          </termSec>\n        </langSec>\n",
                       xml(src), xml(source), any->units.size());
    for (const auto& [k, t] : langs) {
      out += fmt::format("        <langSec xml:lang=\"{}\">\n", xml(input.languages[k]));
      for (std::size_t i = 0; i < t->renderings.size(); ++i) {
        const TermRendering& r = t->renderings[i];
        out += fmt::format("          <termSec>\n            <term>{}</term>\n            <termNote "
                           "type=\"administrativeStatus\">{}</termNote>\n            <note>found in {} units with "
                           "the source term (Dice {:.2f})</note>\n          </termSec>\n",
                           xml(r.text), i == 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts", r.units.size(),
                           r.dice);
      }
      out += "        </langSec>\n";
    }
    out += "      </conceptEntry>\n";
  }
  out += "    </body>\n  </text>\n</tbx>\n";
  return out;
}

}  // namespace paralign
