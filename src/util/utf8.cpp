#include "util/utf8.hpp"

#include <algorithm>

namespace paralign::utf8 {

char32_t next(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + len > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}

char32_t prev(std::string_view s, std::size_t& pos) {
  if (pos == 0) return 0xFFFD;
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  std::size_t p = start;
  const char32_t cp = next(s, p);
  if (p != pos) {  // not a well-formed sequence ending at pos
    --pos;
    return 0xFFFD;
  }
  pos = start;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool valid(std::string_view s, std::size_t* bad_at) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t at = pos;
    const char32_t cp = next(s, pos);
    if (cp == 0xFFFD && !(pos - at == 3 && static_cast<unsigned char>(s[at]) == 0xEF &&
                          static_cast<unsigned char>(s[at + 1]) == 0xBF &&
                          static_cast<unsigned char>(s[at + 2]) == 0xBD)) {
      if (bad_at) *bad_at = at;
      return false;
    }
  }
  return true;
}

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3134F) ||
         (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

bool is_cjk_punct(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || c == 0x2018 || c == 0x2019 ||
         c == 0x201C || c == 0x201D || c == 0x2026 || c == 0x2014 || c == 0x00B7 || c == 0xFE4F;
}

bool is_cjk(char32_t c) {
  return is_han(c) || is_cjk_punct(c) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF);
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

char32_t fold_width(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  if (c == 0x3000) return ' ';
  return c;
}

std::string fold_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) append(out, fold_width(next(s, pos)));
  return out;
}

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  while (pos < s.size()) {
    std::size_t p = pos;
    if (!is_space(next(s, p))) break;
    pos = p;
  }
  return pos;
}

std::size_t skip_spaces_back(std::string_view s, std::size_t pos) {
  while (pos > 0) {
    std::size_t p = pos;
    if (!is_space(prev(s, p))) break;
    pos = p;
  }
  return pos;
}

std::string_view trim(std::string_view s) {
  const std::size_t b = skip_spaces(s, 0);
  const std::size_t e = std::max(b, skip_spaces_back(s, s.size()));
  return s.substr(b, e - b);
}

std::size_t length(std::string_view s) {
  std::size_t n = 0, pos = 0;
  while (pos < s.size()) {
    next(s, pos);
    ++n;
  }
  return n;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace paralign::utf8
