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
  // Unit by unit through the streaming reader: the memory as read is never held beside the QaInput made of it,
  // which halves the peak for a large memory.
  auto reader = TmxReader::open(path);
  if (!reader) return reader.status();
  const TmxHeader& header = (*reader)->header();
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
  if (!header.srclang.empty() && header.srclang != "*all*") index_of(header.srclang);
  const std::string symbol = prop(header.props, "x-symbol");
  TranslationUnit tu;
  while (true) {
    auto more = (*reader)->next(tu);
    if (!more) return more.status();
    if (!*more) break;
    QaUnit u;
    for (const TmxVariant& v : tu.variants) index_of(v.lang);
    u.sides.resize(in.languages.size());
    for (TmxVariant& v : tu.variants) {
      QaSide& side = u.sides[index_of(v.lang)];
      if (!side.text.empty()) continue;  // a second variant in one language: the first one is checked
      side.paragraph = qa::leading_paragraph_number(v.text);
      side.text = std::move(v.text);
    }
    u.id = std::move(tu.tuid);
    u.paragraph = prop(tu.props, "x-paragraph");
    u.symbol = prop(tu.props, "x-symbol");
    if (u.symbol.empty()) u.symbol = symbol;
    in.units.push_back(std::move(u));
  }
  if (in.units.empty() || in.languages.empty()) {
    return Status(ErrorCode::kEmpty, "the memory holds no translation unit", Location{path});
  }
  // A language first seen late: the units read before it get an empty side for it, as every unit has one side per
  // language.
  for (QaUnit& u : in.units) u.sides.resize(in.languages.size());
  return in;
}

}  // namespace paralign
