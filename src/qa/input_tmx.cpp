// Building the QA input from a TMX memory (through the TMX reader: no network, no entity expansion).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "paralign/qa.hpp"
#include "paralign/tmx.hpp"
#include "qa/checks.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

std::string lower(std::string_view s) { return utf8::ascii_lower(s); }

std::string prop(const std::vector<TmxProp>& props, std::string_view type) {
  for (const TmxProp& p : props)
    if (p.type == type) return p.value;
  return "";
}

}  // namespace

Result<QaInput> qa_input_from_tmx(const std::string& path) {
  auto mem = read_tmx_file(path);
  if (!mem) return mem.status();
  QaInput in;
  std::vector<std::string> keys;  // lower-cased, parallel to in.languages
  auto index_of = [&](const std::string& lang) {
    std::string k = lower(lang);
    auto it = std::find(keys.begin(), keys.end(), k);
    if (it != keys.end()) return static_cast<std::size_t>(it - keys.begin());
    keys.push_back(k);
    in.languages.push_back(lang);
    return keys.size() - 1;
  };
  if (!mem->header.srclang.empty() && mem->header.srclang != "*all*") index_of(mem->header.srclang);
  for (const TranslationUnit& tu : mem->units)
    for (const TmxVariant& v : tu.variants) index_of(v.lang);
  if (mem->units.empty() || in.languages.empty()) {
    return Status(ErrorCode::kEmpty, "the memory holds no translation unit", Location{path});
  }
  std::string symbol = prop(mem->header.props, "x-symbol");
  for (const TranslationUnit& tu : mem->units) {
    QaUnit u;
    u.sides.resize(in.languages.size());
    for (const TmxVariant& v : tu.variants) {
      QaSide& side = u.sides[index_of(v.lang)];
      if (!side.text.empty()) continue;  // a second variant in one language: the first one is checked
      side.text = v.text;
      side.paragraph = qa::leading_paragraph_number(v.text);
    }
    u.id = tu.tuid;
    u.paragraph = prop(tu.props, "x-paragraph");
    u.symbol = prop(tu.props, "x-symbol");
    if (u.symbol.empty()) u.symbol = symbol;
    in.units.push_back(std::move(u));
  }
  return in;
}

}  // namespace paralign
