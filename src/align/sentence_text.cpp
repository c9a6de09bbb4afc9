#include "align/sentence_text.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "util/utf8.hpp"

namespace paralign::align {

std::uint32_t Vocabulary::id(std::string_view s) {
  auto it = ids_.find(std::string(s));
  if (it != ids_.end()) return it->second;
  auto id = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(s);
  ids_.emplace(names_.back(), id);
  return id;
}

std::uint32_t Vocabulary::find(std::string_view s) const {
  auto it = ids_.find(std::string(s));
  return it == ids_.end() ? kNone : it->second;
}

namespace {

int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

long long chinese_unit(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
      return 10000;
    case U'亿':
      return 100000000;
    default:
      return 0;
  }
}

bool is_chinese_numeral(char32_t c) { return chinese_digit(c) >= 0 || chinese_unit(c) > 0; }

// A single numeral character is far more often a word (一些, 统一, 一个) than a number; it counts as one only
// before a unit of calendar or enumeration.
bool counts_single_numeral(char32_t next) {
  switch (next) {
    case U'年':
    case U'月':
    case U'日':
    case U'时':
    case U'点':
    case U'号':
    case U'项':
    case U'条':
    case U'段':
    case U'款':
    case U'章':
    case U'节':
    case U'次':
    case U'位':
    case U'%':
    case U'％':
    case U'岁':
      return true;
    default:
      return false;
  }
}

bool is_latin_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  UErrorCode err = U_ZERO_ERROR;
  return u_isalpha(static_cast<UChar32>(c)) && uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_LATIN;
}

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return u_isalnum(static_cast<UChar32>(c)) || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DIACRITIC);
}

void flush_numeral(std::u32string& run, char32_t next, SentenceTokens& out) {
  if (run.empty()) return;
  if (run.size() >= 2 || counts_single_numeral(next)) {
    std::string v = chinese_numeral_value(run);
    if (!v.empty()) out.numbers.push_back(std::move(v));
  }
  run.clear();
}

}  // namespace

std::string chinese_numeral_value(std::u32string_view run) {
  if (run.empty()) return {};
  bool has_unit = false;
  for (char32_t c : run) {
    if (!is_chinese_numeral(c)) return {};
    if (chinese_unit(c) > 0) has_unit = true;
  }
  if (!has_unit) {  // read digit by digit: 一九八九 → 1989
    std::string s;
    for (char32_t c : run) {
      if (c == U'两') return {};
      s.push_back(static_cast<char>('0' + chinese_digit(c)));
    }
    return s;
  }
  long long total = 0, section = 0, digit = -1;
  for (char32_t c : run) {
    int d = chinese_digit(c);
    if (d >= 0) {
      digit = d;
      continue;
    }
    long long unit = chinese_unit(c);
    if (unit >= 10000) {
      section += digit > 0 ? digit : 0;
      if (section == 0) section = 1;
      total = (total + section) * unit;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * unit;  // 十五 = 15: a bare unit counts once
    }
    digit = -1;
  }
  total += section + (digit > 0 ? digit : 0);
  return std::to_string(total);
}

SentenceTokens tokenize_sentence(std::string_view s) {
  SentenceTokens out;
  std::u32string numeral;
  std::string word;
  std::uint32_t word_upper = 0, word_digits = 0, word_letters = 0, word_latin = 0;
  auto flush_word = [&] {
    if (word.empty()) return;
    if (word_letters == 0) {
      // Digits only: a number, not a word. Separators inside were kept; drop thousands commas.
      std::string num;
      for (char ch : word)
        if (ch != ',') num.push_back(ch);
      while (!num.empty() && (num.back() == '.')) num.pop_back();
      if (!num.empty()) out.numbers.push_back(std::move(num));
    } else {
      if (word_latin == word_letters && (word_letters >= 2 || word_digits > 0)) out.latin.push_back(word);
      if (word_upper >= 2 || (word_digits > 0 && word_letters > 0)) out.acronyms.push_back(word);
      out.words.push_back(word);
    }
    word.clear();
    word_upper = word_digits = word_letters = word_latin = 0;
  };
  std::size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = utf8::fold_width(utf8::next(s, pos));
    if (c == 0xFFFD) continue;
    if (!utf8::is_space(c)) ++out.length;
    if (utf8::is_cjk(c)) ++out.han;
    if (is_chinese_numeral(c)) {
      flush_word();
      numeral.push_back(c);
      out.words.emplace_back();
      utf8::append(out.words.back(), c);
      ++out.letters;
      continue;
    }
    if (!numeral.empty()) flush_numeral(numeral, c, out);
    if (utf8::is_han(c)) {
      flush_word();
      out.words.emplace_back();
      utf8::append(out.words.back(), c);
      ++out.letters;
      continue;
    }
    bool digit = c >= '0' && c <= '9';
    if (digit || is_word_char(c)) {
      // A letter right after a run of digits starts a word of its own, so "1989年" and "21st" keep their number;
      // digits after letters stay in the word ("A4", "G77").
      if (!digit && word_letters == 0 && word_digits > 0) flush_word();
      if (digit) {
        ++word_digits;
      } else {
        ++word_letters;
        ++out.letters;
        if (u_isupper(static_cast<UChar32>(c))) ++word_upper;
        if (is_latin_letter(c)) {
          ++word_latin;
          ++out.latin_letters;
        }
      }
      utf8::append(word, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
      continue;
    }
    // Thousands separators and decimal points inside a digit run stay in it.
    if ((c == ',' || c == '.') && !word.empty() && word_letters == 0 && pos < s.size() && s[pos] >= '0' &&
        s[pos] <= '9') {
      word.push_back(static_cast<char>(c));
      continue;
    }
    flush_word();
  }
  flush_word();
  if (!numeral.empty()) flush_numeral(numeral, 0, out);
  out.end_class = static_cast<std::uint8_t>(end_punctuation_class(s));
  return out;
}

int end_punctuation_class(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0) {
    char32_t c = utf8::fold_width(utf8::prev(s, end));
    switch (c) {
      case '.':
      case '!':
      case U'。':
        return 1;
      case '?':
        return 2;
      case ':':
        return 3;
      case ';':
        return 4;
      case ',':
      case U'，':
      case U'、':
        return 5;
      case '"':
      case '\'':
      case ')':
      case ']':
      case U'”':
      case U'’':
      case U'」':
      case U'』':
      case U'》':
        continue;
      default:
        if (utf8::is_space(c)) continue;
        return 0;
    }
  }
  return 0;
}

std::vector<std::string> lexical_tokens(std::string_view text) { return tokenize_sentence(text).words; }

}  // namespace paralign::align
