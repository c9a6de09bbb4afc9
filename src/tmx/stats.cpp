// Memory statistics and the identity merge uses to drop duplicate units.
#include <unicode/uchar.h>

#include <algorithm>

#include "paralign/tmx.hpp"
#include "tmx/text.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

// Scripts written without spaces: each character is counted as a word, as CAT tools do for Chinese and Japanese.
bool counts_alone(char32_t cp) {
  return utf8::is_han(cp) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF);
}

bool word_char(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_isdigit(c)) return true;
  const auto cat = u_charType(c);
  return cat == U_NON_SPACING_MARK || cat == U_COMBINING_SPACING_MARK;
}

// Joiners keep "well-being", "don't", "6.5" and "1,000" one word when letters or digits stand on both sides.
bool joiner(char32_t cp) { return cp == '-' || cp == '\'' || cp == U'\u2019' || cp == '.' || cp == ','; }

}  // namespace

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = utf8::next(text, pos);
    if (counts_alone(cp)) {
      ++words;
      in_word = false;
    } else if (word_char(cp)) {
      if (!in_word) ++words;
      in_word = true;
    } else if (in_word && joiner(cp) && pos < text.size()) {
      std::size_t peek = pos;
      const char32_t next = utf8::next(text, peek);
      in_word = word_char(next) && !counts_alone(next);
    } else {
      in_word = false;
    }
  }
  return words;
}

void TmxStats::add(const TranslationUnit& unit) {
  ++units;
  notes += unit.notes.size();
  for (const auto& p : unit.props) ++props[p.type];
  std::vector<std::string> seen;
  for (const auto& v : unit.variants) {
    ++segments;
    const std::string key = spelling_.try_emplace(tmx_detail::ascii_lower(v.lang), v.lang).first->second;
    TmxLanguageStats& l = languages[key];
    if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
      seen.push_back(key);
      ++l.units;
    }
    ++l.segments;
    l.characters += utf8::length(v.text);
    l.words += count_words(v.text);
    if (!v.markup.empty()) {
      // Count the code elements' start tags (<bpt <ept <ph <it <ut <hi), not <sub>, which holds text.
      for (std::size_t at = v.markup.find('<'); at != std::string::npos; at = v.markup.find('<', at + 1)) {
        const std::string_view rest = std::string_view(v.markup).substr(at + 1);
        for (std::string_view code : {"bpt", "ept", "ph", "it", "ut", "hi"}) {
          if (rest.substr(0, code.size()) == code && rest.size() > code.size() &&
              (rest[code.size()] == ' ' || rest[code.size()] == '>' || rest[code.size()] == '/')) {
            ++l.inline_codes;
          }
        }
      }
    }
    notes += v.notes.size();
    for (const auto& p : v.props) ++props[p.type];
  }
}

std::string unit_identity(const TranslationUnit& unit) {
  std::vector<std::string> parts;
  parts.reserve(unit.variants.size());
  for (const auto& v : unit.variants) {
    // Plain text in its XML form, so "a &lt; b" as text and as markup compare equal.
    parts.push_back(tmx_detail::ascii_lower(v.lang) + '\x1f' +
                    (v.markup.empty() ? tmx_detail::xml_escape(v.text, false) : v.markup));
  }
  std::sort(parts.begin(), parts.end());
  std::string key;
  for (const auto& p : parts) key += p + '\x1e';
  return key;
}

}  // namespace paralign
