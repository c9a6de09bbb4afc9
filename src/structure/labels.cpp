#include "structure/labels.hpp"

#include <unicode/uchar.h>

#include "normalize/scan.hpp"
#include "util/utf8.hpp"

namespace paralign::structure {

namespace {

bool is_dot(char32_t cp) { return cp == '.' || cp == 0xFF0E; }

using utf8::skip_spaces;

// A chapter label's numeral: 一 to 九 and 十, read through the shared Chinese digit table.
int cjk_numeral(char32_t cp) {
  if (scan::chinese_unit(cp) == 10) return 10;
  const int d = scan::chinese_digit(cp);
  return d >= 1 ? d : -1;
}

// The label's end must be followed by white space, the end of the line, or (Chinese) a character that is not a
// digit or a Latin letter, so that "1.5 million" or "A.B." are not labels.
bool label_end_ok(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return true;
  std::size_t p = pos;
  const char32_t cp = utf8::next(s, p);
  if (utf8::is_space(cp)) return true;
  if (digit_value(cp) >= 0) return false;
  if (cp < 0x80) return false;
  return utf8::is_cjk(cp);
}

}  // namespace

int digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<int>(cp - 0xFF10);
  if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
  return -1;
}

int parse_digits(std::string_view s, std::size_t max_digits) {
  if (s.empty()) return -1;
  int value = 0;
  std::size_t count = 0, pos = 0;
  while (pos < s.size()) {
    const int d = digit_value(utf8::next(s, pos));
    if (d < 0 || ++count > max_digits) return -1;
    value = value * 10 + d;
  }
  return value;
}

bool is_terminal_punct(char32_t cp) {
  switch (cp) {
    case '.': case ';': case ':': case '!': case '?': case ',':
    case U'。': case U'；': case U'：': case U'！': case U'？': case U'，': case U'．':
    case 0x061F: /* ؟ */ case 0x061B: /* ؛ */ case 0x060C: /* ، */
      return true;
    default: return false;
  }
}

bool is_cjk_closing(char32_t cp) {
  switch (cp) {
    case U'》': case U'」': case U'』': case U'）': case U'”': case U'’': case U'，': case U'、': case U'。':
    case U'；': case U'：': case U'！': case U'？': case U'】': case U'〉':
      return true;
    default: return false;
  }
}

bool is_letter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)) != 0; }
bool is_lower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)) != 0; }

bool heading_like(std::string_view text) {
  if (text.empty()) return false;
  std::size_t pos = 0, count = 0, cjk = 0;
  char32_t last = 0;
  while (pos < text.size()) {
    last = utf8::next(text, pos);
    ++count;
    if (utf8::is_cjk(last)) ++cjk;
    // A full stop inside means the block holds sentences, which headings do not.
    if (last == U'。' && pos < text.size()) return false;
  }
  if (is_terminal_punct(last)) return false;
  const std::size_t limit = cjk * 2 > count ? 60 : 200;
  return count <= limit;
}

Label parse_label(std::string_view s) {
  Label out;
  if (s.empty()) return out;
  std::size_t pos = 0;
  const char32_t first = utf8::next(s, pos);

  // – • ▪ - followed by a space: a bullet.
  if ((first == 0x2013 || first == 0x2022 || first == 0x25AA || first == 0x2014 || first == '-') && pos < s.size() &&
      s[pos] == ' ') {
    out.type = LabelType::kBullet;
    out.value = 0;
    out.text = s.substr(0, pos);
    out.rest = skip_spaces(s, pos);
    return out;
  }

  // a) iv) aa): the French and Spanish form of (a), written without the opening bracket.
  if (first >= 'a' && first <= 'z') {
    std::size_t p = pos;
    while (p < s.size() && p < 4 && s[p] >= 'a' && s[p] <= 'z') ++p;
    if (p >= s.size() || s[p] != ')' || p + 1 >= s.size() || s[p + 1] != ' ') return out;
    const std::string_view inner = s.substr(0, p);
    int value = inner.size() == 1 ? inner[0] - 'a' + 1 : scan::roman_value(inner);
    if (value < 0 && inner.size() == 2 && inner[0] == inner[1]) value = inner[0] - 'a' + 27;  // aa)
    if (value <= 0) return out;
    out.type = LabelType::kParen;
    out.value = value;
    out.text = s.substr(0, p + 1);
    out.rest = skip_spaces(s, p + 1);
    return out;
  }

  // (a) (iv) (2) and the full-width （a）
  if (first == '(' || first == U'（') {
    std::size_t p = pos, n = 0;
    std::string inner;
    char32_t cp = 0;
    while (p < s.size() && n < 5) {
      cp = utf8::next(s, p);
      if (cp == ')' || cp == U'）') break;
      if (cp < 0x80 && ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))) {
        inner.push_back(static_cast<char>(cp));
      } else {
        return out;
      }
      ++n;
    }
    if ((cp != ')' && cp != U'）') || inner.empty() || !label_end_ok(s, p)) return out;
    int value = -1;
    if (inner[0] >= '0' && inner[0] <= '9') {
      value = parse_digits(inner, 2);
    } else if (inner.size() == 1) {
      value = inner[0] - 'a' + 1;
    } else {
      value = scan::roman_value(inner);
      if (value < 0 && inner.size() == 2 && inner[0] == inner[1]) value = inner[0] - 'a' + 27;  // (aa)
    }
    if (value <= 0) return out;
    out.type = LabelType::kParen;
    out.value = value;
    out.text = s.substr(0, p);
    out.rest = skip_spaces(s, p);
    return out;
  }

  // 12.  １２．  ١٢ -
  if (digit_value(first) >= 0) {
    std::size_t p = 0, end = 0;
    while (p < s.size()) {
      std::size_t q = p;
      if (digit_value(utf8::next(s, q)) < 0) break;
      p = q;
    }
    end = p;
    const int value = parse_digits(s.substr(0, end), 4);
    if (value <= 0 || end >= s.size()) return out;
    std::size_t q = end;
    const char32_t after = utf8::next(s, q);
    if (is_dot(after)) {
      if (!label_end_ok(s, q)) return out;
    } else {
      // The Arabic-language form "12 - text" (also without the first space).
      std::size_t r = after == ' ' ? q : end;
      if (r >= s.size() || s[r] != '-') return out;
      q = r + 1;
      if (q < s.size() && s[q] != ' ') return out;
      if (after != ' ' && q >= s.size()) return out;
    }
    out.type = LabelType::kArabic;
    out.value = value;
    out.text = s.substr(0, q);
    out.rest = skip_spaces(s, q);
    return out;
  }

  // 一.  二、
  if (cjk_numeral(first) > 0) {
    std::size_t p = 0;
    int value = 0, n = 0;
    char32_t cp = 0;
    while (p < s.size()) {
      std::size_t q = p;
      cp = utf8::next(s, q);
      const int v = cjk_numeral(cp);
      if (v < 0) break;
      value = v == 10 ? (value == 0 ? 10 : value * 10) : value + v;
      p = q;
      if (++n > 3) return out;
    }
    if (p >= s.size()) return out;
    std::size_t q = p;
    cp = utf8::next(s, q);
    if (!is_dot(cp) && cp != U'、') return out;
    out.type = LabelType::kCjk;
    out.value = value;
    out.text = s.substr(0, q);
    out.rest = skip_spaces(s, q);
    return out;
  }

  // IV.   A.   А. (Cyrillic)
  if ((first >= 'A' && first <= 'Z') || (first >= 0x0410 && first <= 0x042F)) {
    std::size_t p = pos;
    while (p < s.size() && s[p] >= 'A' && s[p] <= 'Z') ++p;
    if (p >= s.size() || s[p] != '.') return out;
    const std::size_t after = p + 1;
    if (after < s.size() && s[after] != ' ' && s[after] != '\t') {
      if (!label_end_ok(s, after)) return out;
    }
    const std::string_view letters = s.substr(0, p);
    const int roman = first < 0x80 ? scan::roman_value(letters) : -1;
    const bool single = pos == p;  // one letter
    if (roman > 0) {
      out.type = LabelType::kRoman;
      out.value = roman;
      if (single) out.letter_value = static_cast<int>(first - 'A') + 1;
    } else if (single) {
      out.type = LabelType::kLetter;
      out.value = first < 0x80 ? static_cast<int>(first - 'A') + 1 : static_cast<int>(first - 0x0410) + 1;
      out.letter_value = out.value;
    } else {
      return out;
    }
    out.text = s.substr(0, after);
    out.rest = skip_spaces(s, after);
    return out;
  }
  return out;
}

}  // namespace paralign::structure
