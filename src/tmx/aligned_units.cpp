#include "tmx/aligned_units.hpp"

#include <fmt/format.h>

#include <utility>

#include "util/utf8.hpp"

namespace paralign {

namespace {

// The text of a span: segments joined by a space, or by nothing between two CJK characters.
std::string span_text(const std::vector<Segment>& segs, SegmentSpan span) {
  std::string out;
  for (std::size_t i = span.begin; i < span.end(); ++i) {
    const std::string& t = segs[i].text;
    if (!out.empty() && !t.empty()) {
      std::size_t end = out.size(), start = 0;
      if (!(utf8::is_cjk(utf8::prev(out, end)) && utf8::is_cjk(utf8::next(t, start)))) out += ' ';
    }
    out += t;
  }
  return out;
}

}  // namespace

TranslationUnit aligned_memory_unit(const MultiAlignment& alignment, const AlignedUnit& unit, std::string tuid,
                                    const std::string& symbol, const std::vector<std::string>& codes) {
  TranslationUnit tu;
  tu.tuid = std::move(tuid);
  if (!symbol.empty()) tu.props.push_back({"x-symbol", symbol, ""});
  tu.props.push_back({"x-kind", std::string(to_string(unit.kind)), ""});
  if (!unit.anchor.empty()) {
    // "p:12" → "12", "h:2/a" → "2/a"; keyed XML units keep their key.
    const char* type = unit.anchor[0] == 'h' ? "x-heading" : unit.anchor[0] == 'f' ? "x-footnote" : "x-paragraph";
    tu.props.push_back({type, unit.anchor.size() > 2 ? unit.anchor.substr(2) : unit.anchor, ""});
  }
  std::size_t present = 0;
  for (const auto& s : unit.spans) present += s.size > 0 ? 1 : 0;
  if (present < 2) tu.props.push_back({"x-unpaired", "yes", ""});
  tu.props.push_back({"x-confidence", fmt::format("{:.2f}", unit.confidence), ""});
  for (std::size_t k = 0; k < alignment.languages.size(); ++k) {
    if (unit.spans[k].size == 0) continue;
    tu.variants.emplace_back(codes[k], span_text(alignment.segments[k], unit.spans[k]));
  }
  return tu;
}

}  // namespace paralign
