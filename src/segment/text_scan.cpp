#include "segment/text_scan.hpp"

#include <unicode/uchar.h>

#include "util/utf8.hpp"

namespace paralign::segment_detail {

bool is_closer(char32_t cp) {
  if (cp < 0x80) return cp == ')' || cp == ']' || cp == '}' || cp == '"' || cp == '\'';
  const auto t = u_charType(static_cast<UChar32>(cp));
  return t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION || cp == 0x201D || cp == 0x2019;
}

bool is_opener(char32_t cp) {
  if (cp < 0x80) return cp == '(' || cp == '[' || cp == '{' || cp == '"' || cp == '\'';
  const auto t = u_charType(static_cast<UChar32>(cp));
  return t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(cp));
}

bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return u_isdigit(static_cast<UChar32>(cp));
}

void append_folded(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    return;
  }
  cp = utf8::fold_width(cp);
  utf8::append(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) append_folded(out, utf8::next(s, pos));
  return out;
}

}  // namespace paralign::segment_detail
