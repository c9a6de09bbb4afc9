#include "normalize/scan.hpp"

#include <string>

#include <unicode/uchar.h>

#include "util/utf8.hpp"

namespace paralign::scan {

std::vector<Char> decode(std::string_view text) {
  std::vector<Char> out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    Char c;
    c.offset = pos;
    c.raw = utf8::next(text, pos);
    c.end = pos;
    char32_t f = utf8::fold_width(c.raw);
    if (f >= 0x0660 && f <= 0x0669) f = U'0' + (f - 0x0660);
    else if (f >= 0x06F0 && f <= 0x06F9) f = U'0' + (f - 0x06F0);
    else if (f == 0x066A) f = U'%';
    c.cp = f;
    out.push_back(c);
  }
  return out;
}

bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_alpha(c);
  if (utf8::is_han(c)) return false;
  const auto cat = u_charType(static_cast<UChar32>(c));
  return u_isalpha(static_cast<UChar32>(c)) || cat == U_NON_SPACING_MARK || cat == U_COMBINING_SPACING_MARK;
}

bool is_european_letter(char32_t c) {
  if (c < 0x80) return is_ascii_alpha(c);
  return (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) || (c >= 0x0370 && c <= 0x052F);
}

bool is_arabic_letter(char32_t c) { return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F); }

bool is_inline_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x00A0 || c == 0x202F || (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
}

char32_t lower(char32_t c) {
  if (c < 0x80) return (c >= U'A' && c <= U'Z') ? c + 32 : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

std::string lower_utf8(const std::vector<Char>& chars, std::size_t b, std::size_t e) {
  std::string out;
  for (std::size_t i = b; i < e; ++i) utf8::append(out, lower(chars[i].cp));
  return out;
}

std::string folded_utf8(const std::vector<Char>& chars, std::size_t b, std::size_t e) {
  std::string out;
  for (std::size_t i = b; i < e; ++i) utf8::append(out, chars[i].cp);
  return out;
}

int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

int chinese_unit(char32_t c) { return c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0; }

namespace {
int roman_digit(char c) {
  switch (c) {
    case 'I': case 'i': return 1;
    case 'V': case 'v': return 5;
    case 'X': case 'x': return 10;
    case 'L': case 'l': return 50;
    case 'C': case 'c': return 100;
    default: return 0;
  }
}

}  // namespace

// Value of a Roman numeral written in canonical form (so "IIII" or "VX" are refused); -1 otherwise.
int roman_value(std::string_view s) {
  if (s.empty() || s.size() > 8) return -1;
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int v = roman_digit(s[i]);
    if (v == 0) return -1;
    const int next = i + 1 < s.size() ? roman_digit(s[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  static const char* const kOnes[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  static const char* const kTens[] = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"};
  if (total <= 0 || total >= 200) return -1;
  std::string canon = total >= 100 ? "c" : "";
  canon += kTens[(total % 100) / 10];
  canon += kOnes[total % 10];
  std::string lower(s);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  return canon == lower ? total : -1;
}

std::vector<std::string> arabic_stems(const std::string& word) {
  std::vector<std::string> out{word};
  static const std::string_view kClitics[] = {"و", "ف", "ب", "ل", "ك"};
  static const std::string_view kArticle = "ال";
  std::string_view w = word;
  // At most two clitics (وب, ول) and then the article: enough for والقرار, وبالقرار, للقرار.
  for (int round = 0; round < 3; ++round) {
    bool stripped = false;
    if (w.size() > kArticle.size() + 2 && w.substr(0, kArticle.size()) == kArticle) {
      w.remove_prefix(kArticle.size());
      out.emplace_back(w);
      stripped = true;
    } else {
      for (std::string_view c : kClitics) {
        if (w.size() > c.size() + 2 && w.substr(0, c.size()) == c) {
          w.remove_prefix(c.size());
          out.emplace_back(w);
          // ل before the article drops the article's alif: للقرار = ل + القرار.
          if (c == "ل" && w.substr(0, 2) == "ل") out.emplace_back(w.substr(2));
          stripped = true;
          break;
        }
      }
    }
    if (!stripped) break;
  }
  return out;
}

}  // namespace paralign::scan
