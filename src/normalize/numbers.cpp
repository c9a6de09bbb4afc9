// Quantities are read in two passes over the decoded text, both linear: a lexer turns it into tokens (numbers
// with their grouping and decimals already resolved for the language, Chinese numerals, words, Han characters,
// punctuation), then a matcher tries at each token, in order, a Chinese date, a date written with a month name, a
// "百分之" percentage and a number with its scale and per-cent sign. Each matcher looks ahead a bounded number of
// tokens. Values are kept as exact decimals (digits and a power of ten) so that keys never suffer rounding.
#include "paralign/numbers.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "normalize/data_files.hpp"
#include "normalize/scan.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace detail {

struct MonthName {
  std::vector<std::string> words;  // "كانون" "الثاني"
  int month = 0;
};

struct NumberWord {
  int value = 0;
  bool ordinal = false;
  bool multiplier = false;
  bool ambiguous = false;  // also an article or pronoun: alone it is a soft quantity
  bool article = false;    // mostly an article (un, una): read only inside a larger number
  bool fraction = false;   // a fraction's denominator (tiers, thirds, треть, ثلث): `value` is the denominator
};

struct Phrase {
  std::vector<std::string> parts;  // words; a Han phrase is split into characters
  int exp = 0;                     // scales: the power of ten
};

struct LangRules {
  std::vector<char32_t> decimal{U'.'};
  std::vector<char32_t> group{U','};
  std::vector<char32_t> group_reversed;  // Arabic: "000 350" is 350 000 (groups written in reverse order)
  std::vector<char32_t> decimal_short;   // Arabic: a comma before one or two digits is a decimal sign (1,5)
  std::unordered_map<std::string, std::vector<MonthName>> months;  // first word -> names
  std::vector<Phrase> scales;                                      // longest first
  std::vector<Phrase> percent_after;
  std::vector<Phrase> percent_before;
  std::unordered_set<std::string> link, range, list, year_words, day_suffix;
  std::unordered_set<std::string> hour, minute, time_at;  // times: 3 时 40 分, 15 h 40, à 15 heures
  std::unordered_set<std::string> hour_not_before;         // 时期 (period): 时 followed by 期 is no hour
  std::vector<Phrase> am, pm;                              // 上午, a.m.; 下午, p.m.
  std::vector<Phrase> noon, midnight;                      // midi, minuit: times without a figure
  std::vector<Phrase> footnote_after;                      // 报告3第27段: a marker glued after these
  std::vector<Phrase> decade_before;                       // les années 60: a decade in two digits
  std::vector<Phrase> one_before;                          // 一美元: a lone 一 before these is a soft 1
  std::unordered_set<std::string> roman_after, approx_after, item_after, decade_suffix, glued_prefix;
  std::vector<std::string> glued_suffix;  // ru летн-: 15летний
  std::vector<Phrase> approx_before;  // 数十, 数以十万计
  std::vector<Phrase> soft_after;     // (د-35): a session number other languages write in Roman numerals
  std::vector<Phrase> not_after;  // 星期 before 五: a name (Friday), not a figure
  std::unordered_map<std::string, NumberWord> words;
  bool english_capitals = false;  // month names must start with a capital
};

struct NumberRules {
  std::map<std::string, LangRules, std::less<>> langs;
  LangRules any;  // unknown languages: English number format, every language's words
  std::unordered_set<char32_t> measure;
  const LangRules& for_lang(std::string_view lang) const {
    auto it = langs.find(lang);
    return it == langs.end() ? any : it->second;
  }
};

}  // namespace detail

namespace {

using detail::LangRules;
using detail::NumberRules;
using detail::Phrase;
using scan::Char;

constexpr std::size_t kMaxDigits = 40;  // longer digit runs are identifiers, not quantities

// An exact decimal: value = digits × 10^exp.
struct Dec {
  std::string digits = "0";
  int exp = 0;

  void normalize() {
    const std::size_t nz = digits.find_first_not_of('0');
    digits = nz == std::string::npos ? "0" : digits.substr(nz);
    if (digits == "0") {
      exp = 0;
      return;
    }
    while (digits.size() > 1 && digits.back() == '0') {
      digits.pop_back();
      ++exp;
    }
  }
  bool ok() const { return digits.size() <= kMaxDigits && exp > -60 && exp < 60; }
  std::string key() const {
    if (digits == "0") return "0";
    if (exp >= 0) return digits + std::string(static_cast<std::size_t>(exp), '0');
    const std::size_t frac = static_cast<std::size_t>(-exp);
    std::string d = digits;
    if (d.size() <= frac) d = std::string(frac - d.size() + 1, '0') + d;
    return d.substr(0, d.size() - frac) + "." + d.substr(d.size() - frac);
  }
  double value() const { return std::strtod(key().c_str(), nullptr); }
  bool is_integer() const { return exp >= 0; }
  // The integer value when it is one and small enough, else -1.
  long long small_int() const {
    if (exp < 0 || digits.size() + static_cast<std::size_t>(exp) > 15) return -1;
    return std::stoll(key());
  }
  static Dec of(long long v) {
    Dec d;
    d.digits = std::to_string(v);
    d.normalize();
    return d;
  }
};

enum class TokKind { kNum, kCNum, kWord, kHan, kPunct, kOther };

struct Tok {
  TokKind kind = TokKind::kOther;
  std::size_t b = 0, e = 0;  // chars [b, e)
  std::string text;          // word: lower case; Han/punct: the folded character; num: the digits as key
  char32_t cp = 0;           // Han and punct
  Dec dec;                   // num and Chinese numerals
  int int_digits = 0;        // digits before the decimal point as written
  bool grouped = false;
  bool has_fraction = false;
  std::string frac_text;     // the fraction's digits as written ("40" in 12.40): times need them
  bool decade = false;       // 1960s
  std::string suffix;        // ordinal suffix glued to the digits: st, th, er, e
  bool digitwise = false;    // Chinese numeral written digit by digit (二〇〇四)
  int cnum_len = 0;          // Chinese numeral: characters
  bool capital = false;      // word starting with a capital letter
  bool space_before = false;
  bool code = false;         // digits glued after one or two capital letters (B59, DC1, С3): a code's number
};

int cn_digit(char32_t c) { return scan::chinese_digit(c); }
int cn_unit(char32_t c) { return scan::chinese_unit(c); }
bool cn_big(char32_t c) { return c == U'万' || c == U'亿'; }

std::string cp_utf8(char32_t c) {
  std::string s;
  utf8::append(s, c);
  return s;
}

class Lexer {
 public:
  Lexer(const std::vector<Char>& c, const LangRules& lr) : c_(c), lr_(lr) {}

  std::vector<Tok> run() {
    std::vector<Tok> out;
    std::size_t i = 0;
    bool space = false;
    while (i < c_.size()) {
      const char32_t ch = c_[i].cp;
      if (u_isUWhiteSpace(static_cast<UChar32>(ch)) || ch == 0x200B) {
        space = true;
        ++i;
        continue;
      }
      Tok t;
      t.space_before = space;
      space = false;
      t.b = i;
      if (scan::is_digit(ch)) {
        i = lex_number(i, t);
      } else if (scan::is_word_char(ch)) {
        i = lex_word(i, t);
      } else if (cn_digit(ch) >= 0 || ch == U'十') {
        i = lex_cnum(i, t);
      } else {
        t.kind = utf8::is_han(ch) ? TokKind::kHan : TokKind::kPunct;
        t.cp = ch;
        t.text = cp_utf8(ch);
        i = i + 1;
      }
      t.e = i;
      out.push_back(std::move(t));
    }
    return out;
  }

 private:
  char32_t cp(std::size_t i) const { return i < c_.size() ? c_[i].cp : 0; }
  char32_t raw(std::size_t i) const { return i < c_.size() ? c_[i].raw : 0; }
  bool is_sep(const std::vector<char32_t>& seps, std::size_t i) const {
    // Separators are compared as written: a full-width comma，is a clause break, not a thousands separator.
    return i < c_.size() && std::find(seps.begin(), seps.end(), raw(i)) != seps.end();
  }
  bool three_digits_at(std::size_t j) const {
    return scan::is_digit(cp(j)) && scan::is_digit(cp(j + 1)) && scan::is_digit(cp(j + 2)) && !scan::is_digit(cp(j + 3));
  }

  std::size_t other_run(std::size_t i, Tok& t) const {
    while (i < c_.size() && (scan::is_ascii_alnum(cp(i)) || scan::is_word_char(cp(i)))) ++i;
    t.kind = TokKind::kOther;
    return i;
  }

  std::size_t lex_number(std::size_t i, Tok& t) const {
    std::size_t j = i;
    std::string digits;
    while (scan::is_digit(cp(j))) digits += static_cast<char>(cp(j++));
    t.int_digits = static_cast<int>(digits.size());
    // "1'espace": the letter l read as the digit 1 by the corpus's conversion, before an apostrophe and a word.
    if (digits == "1" && (cp(j) == U'\'' || cp(j) == 0x2019) && scan::is_word_char(cp(j + 1)) &&
        (i == 0 || !scan::is_word_char(cp(i - 1))))
      return other_run(j + 1, t);
    if (digits.size() <= 3) {
      while (is_sep(lr_.group, j) && three_digits_at(j + 1)) {
        for (int k = 1; k <= 3; ++k) digits += static_cast<char>(cp(j + k));
        j += 4;
        t.grouped = true;
      }
    }
    if (!t.grouped && digits.size() == 3 && is_sep(lr_.group_reversed, j) && scan::is_digit(cp(j + 1)))
      j = reversed_groups(j, digits, t);
    int exp = 0;
    // A full stop between digits where the language does not write decimals with it (fr, es, ru): a section
    // number (2.1, 10.103) or a time (12.40 horas); read like the decimal other languages see in it.
    const bool dotted = !t.grouped && t.int_digits <= 3 && raw(j) == U'.' && scan::is_digit(cp(j + 1)) &&
                        !is_sep(lr_.decimal, j);
    // Arabic text writes 9,810 and 1,5: a separator followed by fewer than three digits is a decimal sign there.
    const bool short_decimal = !t.grouped && is_sep(lr_.decimal_short, j) && scan::is_digit(cp(j + 1)) &&
                               !three_digits_at(j + 1) &&
                               !(scan::is_digit(cp(j + 2)) && scan::is_digit(cp(j + 3)));
    if ((is_sep(lr_.decimal, j) || dotted || short_decimal) && scan::is_digit(cp(j + 1))) {
      ++j;
      while (scan::is_digit(cp(j))) {
        t.frac_text += static_cast<char>(cp(j));
        digits += static_cast<char>(cp(j++));
        --exp;
      }
      t.has_fraction = true;
    }
    if (scan::is_european_letter(cp(j))) {
      std::size_t k = j;
      std::string suffix;
      while (scan::is_european_letter(cp(k))) utf8::append(suffix, scan::lower(cp(k++)));
      if (!scan::is_digit(cp(k)) && lr_.decade_suffix.count(suffix) && t.int_digits == 4 && !t.grouped &&
          !t.has_fraction && digits.back() == '0') {
        t.decade = true;  // the 1960s
      } else if (!scan::is_digit(cp(k)) && std::any_of(lr_.glued_suffix.begin(), lr_.glued_suffix.end(),
                                                        [&](const std::string& g) { return suffix.rfind(g, 0) == 0; })) {
        // 15летнюю (15-year-old): a word glued after the figure, which stays a number
      } else if (scan::is_digit(cp(k)) || !lr_.day_suffix.count(suffix) || t.has_fraction || t.grouped ||
                 u_isupper(static_cast<UChar32>(cp(j)))) {  // 041A is a code; 7364a, 15th are ordinals
        return other_run(i, t);
      } else {
        t.suffix = suffix;
      }
      j = k;
    }
    if (digits.size() > kMaxDigits) return other_run(j, t);
    t.code = code_next_;
    code_next_ = false;
    t.kind = TokKind::kNum;
    t.dec.digits = digits;
    t.dec.exp = exp;
    t.dec.normalize();
    t.text = t.dec.key();
    return j;
  }

  // Arabic UN text writes a number grouped by spaces with its groups in reverse order ("000 350" for 350 000,
  // "800 054 201" for 201 054 800): every group but the last has three digits, the last one to three. `digits`
  // holds the first group; j is at the separator after it. Returns the end.
  std::size_t reversed_groups(std::size_t j, std::string& digits, Tok& t) const {
    std::vector<std::string> groups{digits};
    while (is_sep(lr_.group_reversed, j) && scan::is_digit(cp(j + 1)) && groups.back().size() == 3) {
      std::size_t k = j + 1;
      std::string g;
      while (scan::is_digit(cp(k)) && g.size() <= 3) g += static_cast<char>(cp(k++));
      if (g.size() > 3 || cp(k) == U'.' || cp(k) == U',') break;
      groups.push_back(g);
      j = k;
    }
    if (groups.size() < 2) return j;
    digits.clear();
    for (auto g = groups.rbegin(); g != groups.rend(); ++g) digits += *g;
    t.grouped = true;
    t.int_digits = static_cast<int>(digits.size());
    return j;
  }

  // One or two capital letters glued to one to four digits and standing alone (B59 for a Blue Line marker, DC1,
  // F3, the Russian grade С3 for P-3): the number is what the other language writes apart ("baril 59", "P-3").
  // Longer codes (UF6, H5N1, Hayabusa2) stay codes.
  bool short_code(std::size_t i, std::size_t j) const {
    if (j - i > 2 || (i > 0 && (scan::is_word_char(cp(i - 1)) || scan::is_digit(cp(i - 1))))) return false;
    for (std::size_t k = i; k < j; ++k)
      if (!u_isupper(static_cast<UChar32>(cp(k)))) return false;
    std::size_t d = j;
    while (scan::is_digit(cp(d))) ++d;
    return d - j <= 4 && !scan::is_word_char(cp(d)) && cp(d) != U'.' && cp(d) != U',';
  }

  std::size_t lex_word(std::size_t i, Tok& t) const {
    std::size_t j = i;
    while (scan::is_word_char(cp(j))) ++j;
    // G77, H5N1, COVID-19's "COVID" is fine but "A4" is a code: digits glued to European letters.
    t.text = scan::lower_utf8(c_, i, j);
    // Euro1.5 million: a currency written against its figure is no code.
    if (scan::is_digit(cp(j)) && scan::is_european_letter(cp(j - 1)) && !lr_.glued_prefix.count(t.text)) {
      if (!short_code(i, j)) return other_run(i, t);
      code_next_ = true;  // B59, DC1, С3: the letters are a word, the digits a soft number
    }
    t.kind = TokKind::kWord;
    t.capital = u_isupper(static_cast<UChar32>(cp(i)));
    return j;
  }

  std::size_t lex_cnum(std::size_t i, Tok& t) const {
    std::size_t j = i;
    bool units = false;
    while (j < c_.size()) {
      const char32_t ch = cp(j);
      if (cn_digit(ch) >= 0) {
        ++j;
      } else if (cn_unit(ch) || cn_big(ch)) {
        units = true;
        ++j;
      } else {
        break;
      }
      if (j - i > 24) break;
    }
    const std::size_t int_end = j;
    std::string frac;
    if (cp(j) == U'点' && cn_digit(cp(j + 1)) >= 0) {
      ++j;
      while (cn_digit(cp(j)) >= 0 && frac.size() < 12) frac += static_cast<char>('0' + cn_digit(cp(j++)));
    }
    t.kind = TokKind::kCNum;
    t.cnum_len = static_cast<int>(int_end - i);
    std::string int_digits;
    if (!units) {
      t.digitwise = int_end - i > 1;
      for (std::size_t k = i; k < int_end; ++k) int_digits += static_cast<char>('0' + cn_digit(cp(k)));
    } else {
      long long result = 0, mid = 0, section = 0, num = 0;
      bool pending = false;
      for (std::size_t k = i; k < int_end; ++k) {
        const char32_t ch = cp(k);
        if (const int d = cn_digit(ch); d >= 0) {
          num = d;
          pending = true;
        } else if (const int u = cn_unit(ch); u) {
          section += (pending ? num : 1) * u;
          num = 0;
          pending = false;
        } else if (ch == U'万') {
          mid += (section + num) * 10000;
          section = num = 0;
          pending = false;
        } else {  // 亿
          // 六亿亿亿: checked before multiplying, since the product itself would overflow.
          const long long base = result + mid + section + num;
          if (base > 1000000000000000000LL / 100000000LL) {
            t.kind = TokKind::kOther;
            return int_end;
          }
          result = base * 100000000LL;
          mid = section = num = 0;
          pending = false;
        }
        if (result > 1000000000000000000LL / 10) {
          t.kind = TokKind::kOther;
          return int_end;
        }
      }
      int_digits = std::to_string(result + mid + section + num);
    }
    t.dec.digits = int_digits + frac;
    t.dec.exp = -static_cast<int>(frac.size());
    t.dec.normalize();
    t.text = t.dec.key();
    return j;
  }

  const std::vector<Char>& c_;
  const LangRules& lr_;
  mutable bool code_next_ = false;  // the number lexed next follows a short code's letters
};

class Matcher {
 public:
  Matcher(const NumberRules& r, const LangRules& lr, std::string_view lang, std::string_view text,
          const std::vector<Char>& c, std::vector<Tok> toks)
      : r_(r), lr_(lr), zh_(lang == "zh"), text_(text), c_(c), t_(std::move(toks)) {}

  std::vector<Quantity> run() {
    std::size_t t = skip_label();
    while (t < t_.size()) {
      std::size_t next = t;
      if (zh_date(t, next) || named_date(t, next) || time_of_day(t, next) || percent_before(t, next) ||
          roman(t, next) || number(t, next) || word_number(t, next) || thousand_word(t, next) ||
          compound_word(t, next) ||
          noon_or_midnight(t, next)) {
        t = std::max(next, t + 1);
      } else {
        ++t;
      }
    }
    return std::move(out_);
  }

 private:
  const Tok* tok(std::size_t k) const { return k < t_.size() ? &t_[k] : nullptr; }
  bool is_han(std::size_t k, char32_t c) const {
    return k < t_.size() && t_[k].kind == TokKind::kHan && t_[k].cp == c;
  }
  bool is_punct(std::size_t k, char32_t c) const {
    return k < t_.size() && t_[k].kind == TokKind::kPunct && t_[k].cp == c;
  }
  bool is_word(std::size_t k, const std::unordered_set<std::string>& set) const {
    return k < t_.size() && (t_[k].kind == TokKind::kWord || t_[k].kind == TokKind::kPunct ||
                             t_[k].kind == TokKind::kHan) &&
           set.count(t_[k].text);
  }
  // A plain integer as written (no grouping, fraction or suffix): its value, or -1.
  long long plain_int(std::size_t k, int max_digits) const {
    const Tok* x = tok(k);
    if (!x || x->kind != TokKind::kNum || x->grouped || x->has_fraction || x->int_digits > max_digits) return -1;
    return x->dec.small_int();
  }
  long long zh_int(std::size_t k) const {  // digits or a Chinese numeral
    const Tok* x = tok(k);
    if (x && x->kind == TokKind::kCNum && x->dec.is_integer()) return x->dec.small_int();
    return plain_int(k, 4);
  }
  bool four_digit_year(std::size_t k, long long& y) const {
    const Tok* x = tok(k);
    if (!x) return false;
    if (x->kind == TokKind::kCNum) {
      if (!x->digitwise || x->cnum_len != 4) return false;
      y = x->dec.small_int();
    } else {
      if (x->int_digits != 4 || !x->suffix.empty()) return false;
      y = plain_int(k, 4);
    }
    return y >= 1000 && y <= 2999;
  }
  bool phrase_at(std::size_t k, const Phrase& p, std::size_t& end) const {
    for (std::size_t i = 0; i < p.parts.size(); ++i) {
      const Tok* x = tok(k + i);
      if (!x || x->kind == TokKind::kOther || x->text != p.parts[i]) return false;
    }
    end = k + p.parts.size();
    return true;
  }
  bool any_phrase(std::size_t k, const std::vector<Phrase>& ps, std::size_t& end, int* exp = nullptr) const {
    for (const Phrase& p : ps)
      if (phrase_at(k, p, end)) {
        if (exp) *exp = p.exp;
        return true;
      }
    return false;
  }
  // The token after a range separator at k ("to", 至, "-", and "--" as Russian text writes a dash), or 0.
  std::size_t range_end(std::size_t k) const {
    if (!is_word(k, lr_.range)) return 0;
    if (is_punct(k, '-') && is_punct(k + 1, '-') && !t_[k + 1].space_before) return k + 2;
    return k + 1;
  }

  void emit(QuantityKind kind, double value, std::string key, std::size_t tb, std::size_t te, bool soft = false) {
    Quantity q;
    q.soft = soft;
    q.kind = kind;
    q.value = value;
    q.key = std::move(key);
    q.offset = c_[t_[tb].b].offset;
    q.length = c_[t_[te - 1].e - 1].end - q.offset;
    q.text = std::string(text_.substr(q.offset, q.length));
    out_.push_back(std::move(q));
  }

  // A fraction: key "n/d" (2/3), value n/d.
  void emit_fraction(long long n, long long d, std::size_t tb, std::size_t te, bool soft) {
    emit(QuantityKind::kNumber, static_cast<double>(n) / static_cast<double>(d), fmt::format("{}/{}", n, d), tb, te,
         soft);
  }

  // A label opening the text: "12.", "112．" (full-width, no space needed), "(3)", "一、", "86 -" (Arabic
  // paragraph numbers; but "4 - 15 May" opens with a range, not a label).
  std::size_t skip_label() const {
    if (t_.size() >= 3 && is_punct(0, '(') && plain_int(1, 3) >= 0 && is_punct(2, ')')) return 3;
    if (t_.size() >= 3 && is_punct(0, '\'') && plain_int(1, 3) >= 0 && is_punct(2, '`')) return 3;  // '4`
    if (t_.size() >= 2 && plain_int(0, 3) >= 0 && t_[0].suffix.empty()) {
      if (is_punct(1, '.') && (t_.size() == 2 || t_[2].space_before || c_[t_[1].b].raw == U'．')) return 2;
      if ((is_punct(1, '-') || is_punct(1, U'–')) && (t_.size() == 2 || t_[2].space_before) &&
          !(t_.size() > 2 && t_[2].kind == TokKind::kNum))
        return 2;
    }
    if (t_.size() >= 2 && t_[0].kind == TokKind::kCNum &&
        (is_han(1, U'、') || is_punct(1, ',') || is_punct(1, '.')))
      return 2;
    return 0;
  }

  // ---- Chinese dates -----------------------------------------------------------------------------------------
  struct Part {
    long long y = 0, m = 0, d = 0;
    std::size_t end = 0;
  };
  static std::string date_key(const Part& p) {
    if (p.y && p.m && p.d) return fmt::format("{:04d}-{:02d}-{:02d}", p.y, p.m, p.d);
    if (p.m && !p.y && !p.d) return fmt::format("--{:02d}", p.m);
    if (p.y && p.m) return fmt::format("{:04d}-{:02d}", p.y, p.m);
    if (p.m && p.d) return fmt::format("--{:02d}-{:02d}", p.m, p.d);
    return fmt::format("{:04d}", p.y);
  }

  Part zh_part(std::size_t k) const {
    Part p;
    long long v = 0;
    if (four_digit_year(k, v) && is_han(k + 1, U'年')) {
      p.y = v;
      k += 2;
    }
    v = zh_int(k);
    if (v >= 1 && v <= 12 && is_han(k + 1, U'月')) {
      p.m = v;
      k += 2;
      v = zh_int(k);
      if (v >= 1 && v <= 31 && (is_han(k + 1, U'日') || is_han(k + 1, U'号'))) {
        p.d = v;
        k += 2;
      } else if (v >= 1 && v <= 31 && (range_end(k + 1) || is_word(k + 1, lr_.list))) {
        p.d = v;  // 6 月 14 至 25 日: the first day goes without 日
        k += 1;
      }
    } else if (!p.y && v >= 1 && v <= 31 && is_han(k + 1, U'日')) {
      p.d = v;  // only as the second end of a range: 6月14日至25日
      k += 2;
    }
    p.end = k;
    return p;
  }

  bool zh_date(std::size_t t, std::size_t& next) {
    const Tok* x = tok(t);
    if (!x || (x->kind != TokKind::kNum && x->kind != TokKind::kCNum)) return false;
    long long y1 = 0, y2 = 0;
    // 2001-2010年, 2001至2010年
    if (const std::size_t r = four_digit_year(t, y1) ? range_end(t + 1) : 0;
        r && four_digit_year(r, y2) && is_han(r + 1, U'年') && !is_han(r + 3, U'月')) {
      emit(QuantityKind::kRange, 0, fmt::format("{:04d}/{:04d}", y1, y2), t, r + 2);
      next = r + 2;
      return true;
    }
    Part p = zh_part(t);
    if (!p.y && !p.m) return false;
    if (p.y && !p.m && p.end != t + 2) return false;
    if (p.y && !p.m) {  // 2014年7-8月
      const long long m1 = zh_int(p.end);
      const std::size_t r = m1 >= 1 && m1 <= 12 ? range_end(p.end + 1) : 0;
      const long long m2 = r ? zh_int(r) : -1;
      if (m2 > m1 && m2 <= 12 && is_han(r + 1, U'月') && !is_han(r + 3, U'日')) {
        emit(QuantityKind::kRange, 0, fmt::format("{:04d}-{:02d}/{:04d}-{:02d}", p.y, m1, p.y, m2), t, r + 2);
        next = r + 2;
        return true;
      }
    }
    if (const std::size_t r = range_end(p.end)) {
      Part q = zh_part(r);
      const bool q_ok = (q.y || q.m || q.d) && q.end > r;
      if (q_ok && !(p.y && !p.m && !q.y) && !(p.d && !q.d) && !(!p.d && q.d)) {
        if (!q.y) q.y = p.y;
        if (!q.m) q.m = p.m;
        if (!p.y) p.y = q.y;
        // 9月-10月: months without a year or day are no figure to compare, as a month alone.
        if (p.y || p.d) emit(QuantityKind::kRange, 0, date_key(p) + "/" + date_key(q), t, q.end);
        next = q.end;
        return true;
      }
    }
    if (p.y && p.m && !p.d && is_word(p.end, lr_.list)) {
      Part q = zh_part(p.end + 1);
      if (q.m && !q.y && !q.d) {  // 2014年10月和11月: two months of one year
        q.y = p.y;
        emit(QuantityKind::kDate, 0, date_key(p), t, p.end);
        emit(QuantityKind::kDate, 0, date_key(q), p.end + 1, q.end);
        next = q.end;
        return true;
      }
    }
    if (p.m && p.d && is_word(p.end, lr_.list)) {
      Part q = zh_part(p.end + 1);
      if (q.d && !q.m && !q.y) {  // 10月24和25日: two dates of one month
        q.y = p.y;
        q.m = p.m;
        emit(QuantityKind::kDate, 0, date_key(p), t, p.end);
        emit(QuantityKind::kDate, 0, date_key(q), p.end + 1, q.end);
        next = q.end;
        return true;
      }
    }
    if (p.d && !p.m) return false;
    if (p.m && !p.y && !p.d) {  // 七月 alone: soft, as other languages give or leave out the year
      emit(QuantityKind::kDate, 0, date_key(p), t, p.end, true);
      next = p.end;
      return true;
    }
    if (p.y && !p.m)
      emit(QuantityKind::kYear, static_cast<double>(p.y), fmt::format("{:04d}", p.y), t, p.end);
    else
      emit(QuantityKind::kDate, 0, date_key(p), t, p.end);
    next = p.end;
    return true;
  }

  // ---- dates with month names ----------------------------------------------------------------------------------
  bool month_at(std::size_t k, long long& m, std::size_t& end) const {
    const Tok* x = tok(k);
    if (!x || x->kind != TokKind::kWord) return false;
    auto it = lr_.months.find(x->text);
    if (it == lr_.months.end()) return false;
    for (const detail::MonthName& name : it->second) {
      if (lr_.english_capitals && !x->capital) continue;
      bool all = true;
      for (std::size_t i = 1; i < name.words.size() && all; ++i) {
        const Tok* y = tok(k + i);
        all = y && y->kind == TokKind::kWord && y->text == name.words[i];
      }
      if (!all) continue;
      m = name.month;
      end = k + name.words.size();
      // تموز/يوليه: the second name of the same month.
      long long m2 = 0;
      std::size_t end2 = 0;
      if (is_punct(end, '/') && tok(end + 1) && tok(end + 1)->kind == TokKind::kWord &&
          month_single(end + 1, m2, end2) && m2 == m)
        end = end2;
      return true;
    }
    return false;
  }
  bool month_single(std::size_t k, long long& m, std::size_t& end) const {
    auto it = lr_.months.find(t_[k].text);
    if (it == lr_.months.end()) return false;
    for (const detail::MonthName& name : it->second) {
      bool all = true;
      for (std::size_t i = 1; i < name.words.size() && all; ++i) {
        const Tok* y = tok(k + i);
        all = y && y->kind == TokKind::kWord && y->text == name.words[i];
      }
      if (all) {
        m = name.month;
        end = k + name.words.size();
        return true;
      }
    }
    return false;
  }
  long long day_at(std::size_t k) const {
    const Tok* x = tok(k);
    if (!x || x->kind != TokKind::kNum || x->grouped || x->has_fraction || x->int_digits > 2) return -1;
    const long long v = x->dec.small_int();
    return v >= 1 && v <= 31 ? v : -1;
  }
  std::size_t skip_links(std::size_t k) const {
    while (is_word(k, lr_.link)) ++k;
    return k;
  }
  bool year_at(std::size_t k, long long& y, std::size_t& end) const {
    const Tok* x = tok(k);
    if (!x || x->kind != TokKind::kNum || !x->suffix.empty() || !four_digit_year(k, y)) return false;
    end = k + 1;
    if (is_word(end, lr_.year_words)) {
      ++end;
      if (t_[end - 1].text == "г" && is_punct(end, '.')) ++end;
    }
    return true;
  }

  // A year with a footnote marker glued to it by the corpus's conversion ("septembre 201442", "2014-20151"): five or
  // six digits whose first four are a year. Read only where a year must stand (after a month, as a range's end).
  bool footnoted_year(std::size_t k, long long& y) const {
    const Tok* x = tok(k);
    if (!x || x->kind != TokKind::kNum || x->grouped || x->has_fraction || !x->suffix.empty() ||
        (x->int_digits != 5 && x->int_digits != 6))
      return false;
    y = x->dec.small_int() / (x->int_digits == 5 ? 10 : 100);
    return y >= 1900 && y <= 2100;
  }

  Part named_part(std::size_t k) const {
    Part p;
    p.end = k;
    long long v = 0;
    std::size_t e = 0;
    if (const long long d = day_at(k); d > 0) {
      p.d = d;
      p.end = k + 1;
      const std::size_t mk = skip_links(k + 1);
      if (month_at(mk, v, e)) {
        p.m = v;
        p.end = e;
        std::size_t yk = skip_links(e);
        if (is_punct(yk, ',')) ++yk;
        if (year_at(yk, v, e)) {
          p.y = v;
          p.end = e;
        } else if (footnoted_year(yk, v)) {
          p.y = v;
          p.end = yk + 1;
        }
      }
      return p;
    }
    if (month_at(k, v, e)) {
      p.m = v;
      p.end = e;
      if (const long long d = day_at(e); d > 0 && t_[e].suffix.empty()) {  // July 15, 2004
        std::size_t yk = e + 1;
        if (is_punct(yk, ',')) ++yk;
        if (year_at(yk, v, p.end)) {
          p.d = d;
          p.y = v;
        } else {
          p.d = d;
          p.end = e + 1;
        }
        return p;
      }
      if (year_at(skip_links(e), v, p.end)) {
        p.y = v;
      } else if (footnoted_year(skip_links(e), v)) {
        p.y = v;
        p.end = skip_links(e) + 1;
      }
    }
    return p;
  }

  bool named_date(std::size_t t, std::size_t& next) {
    const Tok* x = tok(t);
    if (!x || (x->kind != TokKind::kNum && x->kind != TokKind::kWord)) return false;
    long long y1 = 0, y2 = 0;
    std::size_t e = 0;
    // 2001-2010, from 2001 to 2010 (the Chinese 2001-2010年 is read by zh_date)
    if (x->kind == TokKind::kNum && year_at(t, y1, e) && e == t + 1 && range_end(e) &&
        year_at(range_end(e), y2, e) && y2 > y1) {
      emit(QuantityKind::kRange, 0, fmt::format("{:04d}/{:04d}", y1, y2), t, e);
      next = e;
      return true;
    }
    if (x->kind == TokKind::kNum && year_at(t, y1, e) && e == t + 1 && range_end(e) &&
        footnoted_year(range_end(e), y2) && y2 > y1 && y2 - y1 <= 10) {
      emit(QuantityKind::kRange, 0, fmt::format("{:04d}/{:04d}", y1, y2), t, range_end(e) + 1);
      next = range_end(e) + 1;
      return true;
    }
    Part p = named_part(t);
    if (!p.m && !p.d) return false;
    if (const std::size_t r = range_end(p.end)) {
      Part q = named_part(r);
      if (q.m && (q.d || !p.d) && (p.d || !q.d) && (p.m || p.d)) {
        if (!p.m) p.m = q.m;
        if (!p.y) p.y = q.y;
        if (p.y && !q.y) q.y = p.y;
        if (p.y || p.d) {
          emit(QuantityKind::kRange, 0, date_key(p) + "/" + date_key(q), t, q.end);
          next = q.end;
          return true;
        }
      }
    }
    if (p.d && !p.m && is_word(p.end, lr_.list)) {
      Part q = named_part(skip_links(p.end + 1));  // "el 14 y el 27 de enero": an article after the "and"
      if (q.d && q.m) {  // 24 and 25 October 2013: two dates
        p.m = q.m;
        p.y = q.y;
        emit(QuantityKind::kDate, 0, date_key(p), t, p.end);
        emit(QuantityKind::kDate, 0, date_key(q), p.end + 1, q.end);
        next = q.end;
        return true;
      }
    }
    if (!p.m) return false;
    if (!p.d && !p.y && is_word(p.end, lr_.list)) {
      Part q = named_part(p.end + 1);
      if (q.m && q.y && !q.d) {  // July and August 2014: two months of one year
        p.y = q.y;
        emit(QuantityKind::kDate, 0, date_key(p), t, p.end);
        emit(QuantityKind::kDate, 0, date_key(q), p.end + 1, q.end);
        next = q.end;
        return true;
      }
    }
    // A month alone ("in July") is soft: other languages give or leave out the year.
    emit(QuantityKind::kDate, 0, date_key(p), t, p.end, !p.d && !p.y);
    next = p.end;
    return true;
  }

  // ---- times of day ----------------------------------------------------------------------------------------------
  // An am/pm phrase ending right before token k (上午 3 时): 1 for pm, -1 for am, 0 for none.
  int meridiem_before(std::size_t k) const {
    for (int pm = 0; pm < 2; ++pm)
      for (const Phrase& p : pm ? lr_.pm : lr_.am) {
        std::size_t e = 0;
        if (k >= p.parts.size() && phrase_at(k - p.parts.size(), p, e) && e == k) return pm ? 1 : -1;
      }
    return 0;
  }
  // An am/pm phrase starting at k (3 p.m.): 1 or -1, with `end` after it; 0 for none.
  int meridiem_at(std::size_t k, std::size_t& end) const {
    if (any_phrase(k, lr_.pm, end)) return 1;
    if (any_phrase(k, lr_.am, end)) return -1;
    return 0;
  }
  long long minutes_at(std::size_t k) const {
    const long long m = plain_int(k, 2);
    return m >= 0 && m < 60 ? m : -1;
  }

  // 3 时 40 分 (after 下午: 15:40), 3.40 p.m., 15:40, 15 h 40, à 15 heures, 15.40 horas, 15 ч. 40 м., 0300 hours.
  bool time_of_day(std::size_t t, std::size_t& next) {
    const Tok& x = t_[t];
    if (x.kind != TokKind::kNum && x.kind != TokKind::kCNum) return false;
    if (!x.suffix.empty() || x.grouped || x.decade || phrase_before(t, lr_.not_after)) return false;
    long long h = -1, m = 0;
    std::size_t k = t + 1, e = 0;
    // Chinese writes 上午/下午 before the hour; a range's second end takes it from the first (下午3时至6时).
    int meridiem = zh_ ? meridiem_before(t) : 0;
    if (!meridiem && t > 0 && last_time_end_ + 1 == t && range_end(last_time_end_) == t) meridiem = last_meridiem_;
    bool is_time = false;
    if (x.kind == TokKind::kNum && x.has_fraction) {
      // 12.40 p.m., 12.40 horas: the fraction is the minutes only with a word that makes it a time.
      if (x.int_digits > 2 || x.frac_text.size() != 2) return false;
      h = std::stoll(x.text.substr(0, x.text.find('.')));
      m = std::stoll(x.frac_text);
      if (is_word(k, lr_.hour)) {
        ++k;
      } else if (zh_ || !meridiem_at(k, e)) {
        return false;
      }
      is_time = true;
    } else if (x.kind == TokKind::kNum && x.int_digits == 4) {
      // 0300, 1100 hours: the military clock, written with four digits (a leading zero or an hour word).
      const long long hhmm = plain_int(t, 4);
      const bool zero = c_[x.b].cp == U'0';
      if (hhmm < 0 || hhmm / 100 > 24 || hhmm % 100 > 59) return false;
      if (is_word(k, lr_.hour)) ++k;
      else if (!zero && !hours_follow_list(k)) return false;
      h = hhmm / 100;
      m = hhmm % 100;
      is_time = true;
    } else {
      // 一时 is "for a moment", not one o'clock.
      if (x.kind == TokKind::kCNum && x.cnum_len == 1 && x.dec.key() == "1" && !meridiem) return false;
      h = x.kind == TokKind::kCNum ? zh_int(t) : plain_int(t, 2);
      if (h < 0 || h > 59) return false;
      const bool rtl = !lr_.group_reversed.empty();
      const bool after_at = t > 0 && is_word(t - 1, lr_.time_at);
      if ((is_punct(k, ':') || (rtl && after_at && is_punct(k, '/'))) && !t_[k].space_before && tok(k + 1) &&
          !t_[k + 1].space_before && tok(k + 1)->int_digits == 2 && x.int_digits <= 2 &&
          plain_int(k + 1, 2) >= 0) {
        // 15:40. Arabic text, written right to left, often gives the minutes first: الساعة 00:11 and
        // الساعة 47/10 are 11:00 and 10:47; the reading with whole hours, or the only valid one, wins.
        const long long a = h, b = plain_int(k + 1, 2);
        const bool normal = a <= 24 && b < 60, reversed = rtl && b <= 24 && a < 60;
        if (reversed && (!normal || (b % 100 != 0 && a == 0) || is_punct(k, '/'))) {
          h = b;
          m = a;
        } else if (normal) {
          m = b;
        } else {
          return false;
        }
        k += 2;
        is_time = true;
      } else if (is_word(k, lr_.hour) &&
                 (meridiem || !(tok(k + 1) && !t_[k + 1].space_before && is_word(k + 1, lr_.hour_not_before)))) {
        // A short hour word (时, h, ч) makes a time by itself; "heures", "horas", "hours" also count hours ("dans
        // les 24 heures"), so they need minutes, am/pm or a word such as "à" before the number.
        is_time = t_[k].e - t_[k].b <= 2 || meridiem != 0 || (t > 0 && is_word(t - 1, lr_.time_at));
        ++k;
        if (is_punct(k, '.') && t_[k - 1].e - t_[k - 1].b == 1) ++k;  // ч.
        if (const long long mm = minutes_at(k); is_time && mm >= 0 && (!zh_ || is_word(k + 1, lr_.minute))) {
          m = mm;
          ++k;
          if (is_word(k, lr_.minute)) {
            ++k;
            if (is_punct(k, '.') && t_[k - 1].e - t_[k - 1].b == 1) ++k;  // м.
          }
        } else if (is_word(k, lr_.minute)) {
          ++k;  // 11时分: the minute word with no minutes
        }
      }
    }
    if (const int after = zh_ ? 0 : meridiem_at(k, e)) {
      meridiem = after;
      k = e;
      is_time = true;
    }
    if (!is_time || h > 24 || m > 59) return false;
    last_meridiem_ = meridiem;
    last_time_end_ = k;
    if (meridiem > 0 && h < 12) h += 12;
    emit(QuantityKind::kTime, static_cast<double>(h), fmt::format("{:02d}:{:02d}", h, m), t, k);
    next = k;
    return true;
  }

  // midi, minuit, noon, полночь: a time with no figure, soft (le Midi is also the south of France).
  bool noon_or_midnight(std::size_t t, std::size_t& next) {
    std::size_t e = 0;
    if (any_phrase(t, lr_.noon, e)) {
      emit(QuantityKind::kTime, 12, "12:00", t, e, true);
    } else if (any_phrase(t, lr_.midnight, e)) {
      emit(QuantityKind::kTime, 0, "00:00", t, e, true);
    } else {
      return false;
    }
    next = e;
    return true;
  }

  // ---- numbers -------------------------------------------------------------------------------------------------
  // A list going on from k ("and 46", ", 20 or 30", "-75") whose last number is followed by what `ends` accepts.
  template <typename Ends>
  bool list_ends_with(std::size_t k, Ends ends) const {
    for (int n = 0; n < 8; ++n) {
      std::size_t s = k;
      if (is_punct(s, ',')) ++s;
      if (const std::size_t r = range_end(s)) s = r;
      else if (is_word(s, lr_.list)) ++s;
      if (s == k) return false;
      const Tok* y = tok(s);
      if (!y || y->kind != TokKind::kNum || !y->suffix.empty()) return false;
      k = s + 1;
      if (ends(k)) return true;
    }
    return false;
  }
  // "45 and 46 per cent", "10, 20 or 30 %", "50-75%": a number of a list whose last member carries the per-cent
  // sign is a percentage too.
  bool percent_follows_list(std::size_t k) const {
    return list_ends_with(k, [&](std::size_t e) {
      std::size_t end = 0;
      return is_punct(e, '%') || any_phrase(e, lr_.percent_after, end);
    });
  }
  // "between 1100 and 1200 hours": the first time of the pair.
  bool hours_follow_list(std::size_t k) const {
    return list_ends_with(k, [&](std::size_t e) { return t_[e - 1].int_digits == 4 && is_word(e, lr_.hour); });
  }

  // Scale and per-cent sign after a number ending at k; emits and returns true.
  void finish(Dec value, QuantityKind kind, std::size_t t, std::size_t k, std::size_t& next, bool soft = false) {
    int exp = 0;
    std::size_t e = k;
    if (kind != QuantityKind::kOrdinal && any_phrase(k, lr_.scales, e, &exp)) {
      value.exp += exp;
      value.normalize();
      k = e;
      soft = false;
    }
    if (kind != QuantityKind::kOrdinal && (is_punct(k, '%') || any_phrase(k, lr_.percent_after, e))) {
      k = is_punct(k, '%') ? k + 1 : e;
      kind = QuantityKind::kPercent;
      soft = false;
    } else if (kind == QuantityKind::kNumber && percent_follows_list(k)) {
      kind = QuantityKind::kPercent;
    }
    next = k;
    if (!value.ok()) return;
    std::string key = value.key();
    if (kind == QuantityKind::kPercent) key += '%';
    emit(kind, value.value(), std::move(key), t, k, soft);
  }

  bool percent_before(std::size_t t, std::size_t& next) {
    std::size_t e = 0;
    if (!any_phrase(t, lr_.percent_before, e)) return false;
    const Tok* x = tok(e);
    if (!x || (x->kind != TokKind::kNum && x->kind != TokKind::kCNum)) return false;
    next = e + 1;
    if (!x->dec.ok()) return true;
    emit(QuantityKind::kPercent, x->dec.value(), x->dec.key() + "%", t, e + 1);
    return true;
  }

  // A phrase of `ps` ending right before token k.
  bool phrase_before(std::size_t k, const std::vector<Phrase>& ps) const {
    for (const Phrase& p : ps) {
      std::size_t e = 0;
      if (k >= p.parts.size() && phrase_at(k - p.parts.size(), p, e) && e == k) return true;
    }
    return false;
  }

  // Chapter VII, article III, главой VIII: an upper-case Roman numeral after a word that numbers with them. Standing
  // alone, a Roman numeral of two letters or more from XI up is read too, soft (la XXIV Cumbre, XXIe siècle,
  // XXI век, "XII." as a chapter label): other languages write 第二十四届, 21世纪.
  bool roman(std::size_t t, std::size_t& next) {
    const Tok& x = t_[t];
    if (x.kind != TokKind::kWord) return false;
    const bool after_word = t > 0 && is_word(t - 1, lr_.roman_after);
    std::size_t n = x.b;
    while (n < x.e && c_[n].cp < 0x80 && std::strchr("IVXLC", static_cast<int>(c_[n].cp)) && c_[n].cp != 0) ++n;
    if (n == x.b) return false;
    if (n != x.e && (after_word || !lr_.day_suffix.count(scan::lower_utf8(c_, n, x.e)))) return false;  // XXIe
    if (!after_word && n - x.b < 2) return false;
    if (n - x.b == 1 && (c_[x.b].cp == U'L' || c_[x.b].cp == U'C')) return false;  // Annex C is a letter
    const int v = scan::roman_value(scan::folded_utf8(c_, x.b, n));
    if (v <= 0 || (!after_word && v < 11)) return false;
    emit(QuantityKind::kOrdinal, v, std::to_string(v), t, t + 1, !after_word || v < 10);
    next = t + 1;
    return true;
  }

  // A footnote marker: digits in square brackets glued to the text ("planning[23]"), or closing the text glued to
  // the word or punctuation before them ("…的报告；1", "website.3").
  bool footnote_like(std::size_t t) const {
    const Tok& x = t_[t];
    if (x.kind != TokKind::kNum || x.grouped || x.has_fraction || !x.suffix.empty() || x.int_digits > 3) return false;
    if (t > 0 && is_punct(t - 1, '[') && !t_[t - 1].space_before && !x.space_before && is_punct(t + 1, ']'))
      return true;
    // "الشبكي(3)." "(22)،": Arabic writes a footnote marker as a number in round brackets glued to the word before
    // it, closing a clause.
    if (t >= 2 && is_punct(t - 1, '(') && !t_[t - 1].space_before && !x.space_before && is_punct(t + 1, ')') &&
        arabic_word(t - 2) && (t + 2 == t_.size() || t_[t + 2].kind == TokKind::kPunct))
      return true;
    if (t == 0 || x.space_before) return false;
    std::size_t k = t + 1;
    while (k < t_.size() && t_[k].kind == TokKind::kPunct && !t_[k].space_before &&
           (t_[k].cp == U'.' || t_[k].cp == U'。' || t_[k].cp == U')' || t_[k].cp == U'"'))
      ++k;
    // After a sentence's closing punctuation only: "总数为62。" ends with a figure glued to a Han character.
    const Tok& prev = t_[t - 1];
    return k == t_.size() && prev.kind == TokKind::kPunct &&
           (prev.cp == U'.' || prev.cp == U';' || prev.cp == U'；' || prev.cp == U'。' || prev.cp == U',' ||
            prev.cp == U'，' || prev.cp == U':' || prev.cp == U'”' || prev.cp == U'"' || prev.cp == U'»' ||
            prev.cp == U'>' || prev.cp == U')');
  }

  bool number(std::size_t t, std::size_t& next) {
    const Tok& x = t_[t];
    if (x.kind != TokKind::kNum && x.kind != TokKind::kCNum) return false;
    if (phrase_before(t, lr_.not_after)) return false;  // 星期五 is Friday
    const bool after_di = t > 0 && is_han(t - 1, U'第');
    QuantityKind kind = QuantityKind::kNumber;
    bool soft = false;
    if (x.kind == TokKind::kCNum) {
      if (x.cnum_len == 1 && x.dec.digits == "1" && x.dec.exp == 0 && !after_di) {
        // 一 is mostly "a" (一些, 之一, 一名, 一个) and is not read; before a currency (一美元) or after 附件 (附件一,
        // "annex 1") it is a soft 1, which may match a figure 1 on the other side.
        std::size_t e = 0;
        if (!any_phrase(t + 1, lr_.one_before, e) && !phrase_before(t, lr_.soft_after)) return false;
        emit(QuantityKind::kNumber, 1, "1", t, t + 1, true);
        next = t + 1;
        return true;
      }
      // One numeral character: 两 is often "both", 三方 "tripartite", 第七章 "Chapter VII", 五年 "five-year".
      soft = x.cnum_len == 1;
    }
    // Approximations a translation renders in words: 数十 (dozens), 几百, 一千多 (over a thousand), 300余.
    if (phrase_before(t, lr_.approx_before) || is_word(t + 1, lr_.approx_after)) soft = true;
    if (phrase_before(t, lr_.soft_after)) soft = true;
    // 五六 (five or six), 三四个: two numerals side by side are an approximation too; 二〇〇四 is not.
    if (x.kind == TokKind::kCNum && x.digitwise && x.cnum_len < 4) soft = true;
    // 第9项: an item other languages letter ((i)).
    if (after_di && is_word(t + 1, lr_.item_after)) soft = true;
    // A bare number opening the text before a word: a footnote's or list's number more often than a figure.
    // Only before Chinese text: a figure opening an alphabetic sentence ("38 October", "15 countries") is a figure.
    if (t == 0 && zh_ && x.kind == TokKind::kNum && plain_int(0, 3) >= 0 && x.suffix.empty() && t_.size() > 1 &&
        t_[1].space_before && t_[1].kind == TokKind::kHan && !r_.measure.count(t_[1].cp))
      soft = true;
    if (footnote_like(t)) soft = true;
    if (x.code) soft = true;
    // 二十年, 五十年: as often "two decades", "five decades" as twenty or fifty years.
    if (x.kind == TokKind::kCNum && !x.digitwise && is_han(t + 1, U'年')) {
      const long long v = x.dec.small_int();
      if (v >= 20 && v <= 90 && v % 10 == 0) soft = true;
    }
    // 报告3第27段: a footnote marker glued between the word it annotates and the next Han character.
    if (zh_ && x.kind == TokKind::kNum && !x.space_before && x.int_digits <= 2 && !x.grouped && !x.has_fraction &&
        phrase_before(t, lr_.footnote_after) && tok(t + 1) && !t_[t + 1].space_before &&
        t_[t + 1].kind == TokKind::kHan && !r_.measure.count(t_[t + 1].cp))
      soft = true;
    // A chapter label 十二、 opening the text: other versions write XII. or ثاني عشر-, or no label.
    if (t == 0 && x.kind == TokKind::kCNum && is_punct(1, U'、')) soft = true;
    // Fractions: 1/3 (the denominator up to ten, not a date such as 1/3/2015) and 三分之二.
    if (x.kind == TokKind::kNum && is_punct(t + 1, '/') && !t_[t + 1].space_before && tok(t + 2) &&
        !t_[t + 2].space_before && !is_punct(t + 3, '/')) {
      const long long n = plain_int(t, 1), d = plain_int(t + 2, 2);
      if (n >= 1 && d > n && d <= 10) {
        emit_fraction(n, d, t, t + 3, soft);
        next = t + 3;
        return true;
      }
    }
    if (zh_ && is_han(t + 1, U'分') && is_han(t + 2, U'之') && tok(t + 3)) {
      const long long d = zh_int(t), n = zh_int(t + 3);
      if (n >= 1 && d > n && d <= 10) {  // soft: "one in three", "a third" are not read as fractions
        emit_fraction(n, d, t, t + 4, true);
        next = t + 4;
        return true;
      }
    }
    // 200多万 (over two million): the approximation word stands between the figure and its scale.
    if (is_word(t + 1, lr_.approx_after) && x.dec.ok()) {
      std::size_t e = 0;
      int exp = 0;
      if (any_phrase(t + 2, lr_.scales, e, &exp)) {
        Dec v = x.dec;
        v.exp += exp;
        v.normalize();
        if (v.ok()) emit(QuantityKind::kNumber, v.value(), v.key(), t, e, true);
        next = e;
        return true;
      }
    }
    // 1 before a Chinese measure word is as often rendered by an article ("1名受害者": "una víctima") as by a figure.
    if (x.kind == TokKind::kNum && x.dec.digits == "1" && x.dec.exp == 0 && x.int_digits == 1 && t + 1 < t_.size() &&
        t_[t + 1].kind == TokKind::kHan && r_.measure.count(t_[t + 1].cp))
      soft = true;
    if (after_di || !x.suffix.empty()) kind = QuantityKind::kOrdinal;
    long long y = 0;
    // 20142020: the dash of 2014-2020 lost in conversion; read as the range of years it was.
    if (x.kind == TokKind::kNum && x.int_digits == 8 && !x.grouped && !x.has_fraction && x.suffix.empty()) {
      const long long y1 = x.dec.small_int() / 10000, y2 = x.dec.small_int() % 10000;
      if (y1 >= 1900 && y2 <= 2100 && y2 > y1 && y2 - y1 <= 30) {
        emit(QuantityKind::kRange, 0, fmt::format("{:04d}/{:04d}", y1, y2), t, t + 1);
        next = t + 1;
        return true;
      }
    }
    // les années 60, los años 60: the decade of the 1900s written with two digits (1960年代).
    if (x.kind == TokKind::kNum && x.int_digits == 2 && phrase_before(t, lr_.decade_before)) {
      const long long d = plain_int(t, 2);
      if (d >= 10 && d % 10 == 0) {
        emit(QuantityKind::kYear, static_cast<double>(1900 + d), fmt::format("{:04d}", 1900 + d), t, t + 1);
        next = t + 1;
        return true;
      }
    }
    if (x.decade) {
      y = x.dec.small_int();
      emit(QuantityKind::kYear, static_cast<double>(y), fmt::format("{:04d}", y), t, t + 1);
      next = t + 1;
      return true;
    }
    if (kind == QuantityKind::kNumber && x.kind == TokKind::kNum && four_digit_year(t, y) && y >= 1800 &&
        y <= 2199) {
      std::size_t e = 0;
      if (!any_phrase(t + 1, lr_.scales, e) && !is_punct(t + 1, '%') && !any_phrase(t + 1, lr_.percent_after, e)) {
        std::size_t end = t + 1;
        year_at(t, y, end);
        emit(QuantityKind::kYear, static_cast<double>(y), fmt::format("{:04d}", y), t, end);
        next = end;
        return true;
      }
    }
    finish(x.dec, kind, t, t + 1, next, soft);
    return true;
  }

  const detail::NumberWord* number_word(std::size_t k) const {
    const Tok* x = tok(k);
    if (!x || x->kind != TokKind::kWord) return nullptr;
    auto it = lr_.words.find(x->text);
    if (it != lr_.words.end()) return &it->second;
    std::size_t p = 0;
    if (!scan::is_arabic_letter(utf8::next(x->text, p))) return nullptr;
    for (const std::string& stem : scan::arabic_stems(x->text))  // الخمس, وثلاثة
      if (auto a = lr_.words.find(stem); a != lr_.words.end()) return &a->second;
    return nullptr;
  }
  bool arabic_word(std::size_t k) const {
    std::size_t p = 0;
    return k < t_.size() && scan::is_arabic_letter(utf8::next(t_[k].text, p));
  }

  // A number of words below one hundred starting with word `w` at token t: ثلاثة عشر, twenty-five, fifty-ninth,
  // treinta y dos, vingt et un, soixante-dix-neuf, quatre-vingt-treize, пятьдесят девять. Sets value, ordinal and
  // k (the token after it); returns whether more than one word was read.
  bool below_hundred(std::size_t t, const detail::NumberWord* w, long long& value, bool& ordinal, std::size_t& k) const {
    value = w->value;
    ordinal = w->ordinal;
    bool combined = false;
    k = t + 1;
    // Arabic puts the unit first: ثلاثة عشر (13), الرابعة عشرة (14th), التاسعة والستون (69th),
    // الحادية والثلاثين (31st).
    if (value >= 1 && value <= 9 && arabic_word(t)) {
      const detail::NumberWord* n = number_word(k);
      if (n && !n->multiplier && !n->fraction && n->value == 10 && arabic_word(k) && t_[k].text.rfind("و", 0) != 0) {
        value += 10;
        ++k;
        combined = true;
      } else if (n && !n->multiplier && !n->fraction && n->value >= 20 && n->value <= 90 && n->value % 10 == 0 &&
                 t_[k].text.rfind("و", 0) == 0) {
        value += n->value;
        ++k;
        combined = true;
      }
    }
    // French counts 80 as four twenties: quatre-vingts, quatre-vingt-treize, quatre-vingt-dixième.
    if (!combined && !ordinal && value == 4 && is_punct(k, '-') && !t_[k].space_before) {
      const detail::NumberWord* v20 = number_word(k + 1);
      if (v20 && !v20->multiplier && !v20->fraction && v20->value == 20) {
        value = 80;
        ordinal = v20->ordinal;
        k += 2;
      }
    }
    if (!combined && (!ordinal || value % 10 == 0)) {
      if ((value >= 20 && value % 10 == 0) || (value == 10 && is_punct(k, '-') && !t_[k].space_before)) {
        std::size_t u = k;
        if (is_punct(u, '-') && !t_[u].space_before) ++u;
        else if (tok(u) && tok(u)->kind == TokKind::kWord && (tok(u)->text == "y" || tok(u)->text == "et")) ++u;
        const detail::NumberWord* unit = number_word(u);
        // French counts 70-79 and 90-99 on from sixty and eighty: soixante-douze, quatre-vingt-dix-neuf.
        const int max_unit = value == 60 || value == 80 ? 19 : 9;
        if (unit && !unit->multiplier && !unit->fraction && unit->value >= 1 && unit->value <= max_unit &&
            (!ordinal || unit->ordinal)) {
          value += unit->value;
          ordinal = unit->ordinal;
          k = u + 1;
          combined = true;
          const detail::NumberWord* unit2 = is_punct(k, '-') ? number_word(k + 1) : nullptr;
          if (unit->value == 10 && !ordinal && unit2 && !unit2->multiplier && !unit2->fraction && unit2->value <= 9) {
            value += unit2->value;
            ordinal = unit2->ordinal;
            k += 2;
          }
        }
      }
    }
    return combined || k > t + 1;
  }

  // A number under a thousand in words from token t (w = its word): units and tens (below_hundred), a multiplier
  // (two hundred, deux cents), then the hundreds' rest: cent onze, deux cent trente, cent trente et unième, one
  // hundred and eleven, ciento veinte, двести пять. `combined` says whether more than the one word was read.
  void below_thousand(std::size_t t, const detail::NumberWord* w, long long& value, bool& ordinal, bool& combined,
                      std::size_t& k) const {
    value = w->value;
    ordinal = false;
    combined = false;
    k = t + 1;
    if (!w->multiplier) {
      combined = below_hundred(t, w, value, ordinal, k);
      if (!ordinal) {
        const detail::NumberWord* mult = number_word(k);
        if (mult && mult->multiplier) {
          value *= mult->value;
          ++k;
          combined = true;
        }
      }
    }
    if (!ordinal && value >= 100 && value < 1000 && value % 100 == 0) {
      std::size_t u = k;
      if (tok(u) && tok(u)->kind == TokKind::kWord && tok(u)->text == "and") ++u;
      const detail::NumberWord* r = number_word(u);
      if (r && !r->multiplier && !r->fraction && r->value < 100) {
        long long rest = 0;
        bool rest_ordinal = false;
        std::size_t re = 0;
        below_hundred(u, r, rest, rest_ordinal, re);
        if (rest < 100) {
          value += rest;
          ordinal = rest_ordinal;
          k = re;
          combined = true;
        }
      }
    }
  }

  // After a thousand word ending at token e (thousand, mille, mil, тысячи) with `thousands` before it: the rest
  // under a thousand in words ("and" allowed, as British English writes two thousand and ten). On success `value`
  // and `ordinal` take the whole number and k its end. Not when a larger scale follows the rest (one thousand and
  // two million is two numbers), nor for a rest that is a lone "hundred"-type word in English ("thousand hundred").
  bool after_thousand(std::size_t e, long long& value, bool& ordinal, std::size_t& k) const {
    std::size_t u = e;
    if (tok(u) && tok(u)->kind == TokKind::kWord && tok(u)->text == "and") ++u;
    const detail::NumberWord* r = number_word(u);
    if (!r || r->fraction || r->article) return false;
    long long rest = 0;
    bool rest_ordinal = false, rest_combined = false;
    std::size_t re = 0;
    below_thousand(u, r, rest, rest_ordinal, rest_combined, re);
    if (rest < 1 || rest >= 1000 || (r->multiplier && !rest_combined && lr_.english_capitals)) return false;
    std::size_t se = 0;
    int exp = 0;
    if (any_phrase(re, lr_.scales, se, &exp) && exp >= 3) return false;
    value = value * 1000 + rest;
    ordinal = rest_ordinal;
    k = re;
    return true;
  }

  // A thousand word opening a number with its rest: mille deux cents, mil doscientas, тысяча двести (1000 + the rest).
  // Alone it is no figure here ("a thousand", "тысячи людей" are approximations or read after a number).
  bool thousand_word(std::size_t t, std::size_t& next) {
    if (!tok(t) || tok(t)->kind != TokKind::kWord) return false;
    int exp = 0;
    std::size_t e = 0;
    if (!any_phrase(t, lr_.scales, e, &exp) || exp != 3 || e != t + 1) return false;
    long long value = 1;
    bool ordinal = false;
    std::size_t k = e;
    if (!after_thousand(e, value, ordinal, k)) return false;
    finish(Dec::of(value), ordinal ? QuantityKind::kOrdinal : QuantityKind::kNumber, t, k, next);
    return true;
  }

  bool word_number(std::size_t t, std::size_t& next) {
    const detail::NumberWord* w = number_word(t);
    if (!w) return false;
    if (phrase_before(t, lr_.not_after)) return false;  // يوم الاثنين is Monday
    if (w->fraction) {  // a fraction word alone: un tiers, a third, треть, ثلث (soft: "half" is often no figure)
      emit_fraction(1, w->value, t, t + 1, true);
      next = t + 1;
      return true;
    }
    long long value = 0;
    bool ordinal = false, combined = false;
    std::size_t k = t + 1;
    below_thousand(t, w, value, ordinal, combined, k);
    if (w->multiplier && !combined) return false;
    // Thousands and the rest: one thousand two hundred and thirty-four, two thousand and ten, deux mille cinq cents,
    // dos mil diez, две тысячи двести.
    if (!ordinal && value >= 1 && value < 1000) {
      int exp = 0;
      std::size_t e = 0;
      if (any_phrase(k, lr_.scales, e, &exp) && exp == 3 && after_thousand(e, value, ordinal, k)) combined = true;
    }
    // Fractions: two thirds, deux tiers, dos tercios, две трети, one-fifth, ثلاثة أرباع.
    if (!ordinal && value >= 1 && value <= 9) {
      std::size_t u = k;
      if (is_punct(u, '-') && !t_[u].space_before) ++u;
      const detail::NumberWord* d = number_word(u);
      if (d && !d->multiplier && (d->fraction || (d->ordinal && d->value >= 3 && d->value <= 10)) && d->value > value) {
        emit_fraction(value, d->value, t, u + 1, true);
        next = u + 1;
        return true;
      }
    }
    std::size_t e = 0;
    const bool scaled = !ordinal && (any_phrase(k, lr_.scales, e) || is_punct(k, '%') ||
                                     any_phrase(k, lr_.percent_after, e));
    if (w->article && !combined && !scaled) return false;
    // Numbers under ten written as words are soft: "five-year" for 五年, "both" for 两, ثلاث, "one" and "first".
    finish(Dec::of(value), ordinal ? QuantityKind::kOrdinal : QuantityKind::kNumber, t, k, next,
           value < 10 || (w->ambiguous && !combined));
    return true;
  }

  // Russian compound adjectives: a number's genitive glued to a stem of the glued-suffix list or to a scale word
  // (двухлетний, трехсторонний, пятилетнего, двухгодичный, двухмиллионным), read as a soft number: 两年期, 三方,
  // 5年 and 200万 on the other side are the same figure.
  bool compound_word(std::size_t t, std::size_t& next) {
    const Tok& x = t_[t];
    if (x.kind != TokKind::kWord || lr_.glued_suffix.empty() || x.text.size() < 8) return false;
    for (std::size_t cut = x.text.size() - 4; cut >= 4; --cut) {
      if ((static_cast<unsigned char>(x.text[cut]) & 0xC0) == 0x80) continue;  // inside a UTF-8 sequence
      auto it = lr_.words.find(x.text.substr(0, cut));
      if (it == lr_.words.end() || it->second.ordinal || it->second.multiplier || it->second.fraction) continue;
      const std::string_view rest = std::string_view(x.text).substr(cut);
      int exp = 0;
      bool stem = std::any_of(lr_.glued_suffix.begin(), lr_.glued_suffix.end(),
                              [&](const std::string& g) { return rest.rfind(g, 0) == 0; });
      if (!stem) {
        for (const Phrase& p : lr_.scales)
          if (p.parts.size() == 1 && p.parts[0].size() >= 6 && rest.rfind(p.parts[0], 0) == 0) {
            exp = p.exp;
            stem = true;
            break;
          }
      }
      if (!stem) continue;
      Dec v = Dec::of(it->second.value);
      v.exp += exp;
      v.normalize();
      emit(QuantityKind::kNumber, v.value(), v.key(), t, t + 1, true);
      next = t + 1;
      return true;
    }
    return false;
  }

  const NumberRules& r_;
  const LangRules& lr_;
  bool zh_;
  std::string_view text_;
  const std::vector<Char>& c_;
  std::vector<Tok> t_;
  std::vector<Quantity> out_;
  std::size_t last_time_end_ = 0;  // token after the latest time of day, for a range's second end
  int last_meridiem_ = 0;
};

// ---- loading -----------------------------------------------------------------------------------------------------
std::vector<std::string> split_phrase(const std::string& s) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t c = utf8::next(s, pos);
    if (c == U' ') continue;
    if (utf8::is_han(c)) {
      parts.emplace_back(s.substr(start, pos - start));
      continue;
    }
    // Punctuation is a part of its own, as the lexer makes it a token of its own: "a.m." is a . m .
    if (!scan::is_word_char(c) && !scan::is_digit(c)) {
      parts.emplace_back(s.substr(start, pos - start));
      continue;
    }
    while (pos < s.size()) {
      std::size_t p = pos;
      const char32_t d = utf8::next(s, p);
      if (d == U' ' || utf8::is_han(d) || (!scan::is_word_char(d) && !scan::is_digit(d))) break;
      pos = p;
    }
    parts.emplace_back(s.substr(start, pos - start));
  }
  return parts;
}

Result<char32_t> separator(const std::string& name) {
  static const std::map<std::string, char32_t> kNames = {
      {"period", U'.'},  {"comma", U','},         {"space", U' '},          {"nbsp", 0x00A0},
      {"nnbsp", 0x202F}, {"thin", 0x2009},        {"arabic-decimal", 0x066B}, {"arabic-group", 0x066C},
      {"apostrophe", U'\''}};
  auto it = kNames.find(name);
  if (it == kNames.end()) return Status(ErrorCode::kParse, "unknown separator name " + name);
  return it->second;
}

Status load_into(const std::string& dir, NumberRules& rules) {
  auto lang_of = [&](const std::string& l) -> LangRules& {
    auto& lr = rules.langs[l];
    lr.english_capitals = l == "en";
    return lr;
  };
  std::set<std::string> seen;
  auto dup = [&](const std::string& file, const std::vector<std::string>& cols) {
    std::string k = file;
    for (const auto& c : cols) k += '\t' + c;
    return !seen.insert(k).second;
  };

  const std::string formats = "numbers/formats.tsv";
  auto rows = data::read_table(formats, dir, 3, 3);
  if (!rows) return rows.status();
  std::set<std::string> formatted;
  for (const auto& row : rows->rows) {
    if (dup(formats, row.fields)) return data::bad_row(*rows, row, "duplicate entry");
    auto sep = separator(row.fields[2]);
    if (!sep) return data::bad_row(*rows, row, sep.status().message());
    LangRules& lr = lang_of(row.fields[0]);
    if (formatted.insert(row.fields[0]).second) lr.decimal.clear(), lr.group.clear();
    if (row.fields[1] == "decimal") lr.decimal.push_back(*sep);
    else if (row.fields[1] == "group") lr.group.push_back(*sep);
    else if (row.fields[1] == "group-reversed") lr.group_reversed.push_back(*sep);
    else if (row.fields[1] == "decimal-short") lr.decimal_short.push_back(*sep);
    else return data::bad_row(*rows, row, "role is decimal, decimal-short, group or group-reversed");
  }
  for (const auto& [lang, lr] : rules.langs)
    for (char32_t d : lr.decimal)
      if (std::find(lr.group.begin(), lr.group.end(), d) != lr.group.end())
        return Status(ErrorCode::kParse, fmt::format("{}: '{}' both decimal and group separator", formats, lang));

  const std::string months = "numbers/months.tsv";
  rows = data::read_table(months, dir, 3, 3);
  if (!rows) return rows.status();
  for (const auto& row : rows->rows) {
    if (dup(months, {row.fields[0], row.fields[2]})) return data::bad_row(*rows, row, "duplicate month name");
    const int m = std::atoi(row.fields[1].c_str());
    if (m < 1 || m > 12 || std::to_string(m) != row.fields[1])
      return data::bad_row(*rows, row, "month is a number from 1 to 12");
    detail::MonthName name;
    name.month = m;
    name.words = split_phrase(row.fields[2]);
    lang_of(row.fields[0]).months[name.words[0]].push_back(name);
  }
  // English month names are read in every language: headers and dates copied from the English original ("6
  // February 2015" in a Russian or Arabic version).
  if (auto en = rules.langs.find("en"); en != rules.langs.end())
    for (auto& [lang, lr] : rules.langs)
      if (lang != "en")
        for (const auto& [first, names] : en->second.months) lr.months.try_emplace(first, names);

  const std::string scales = "numbers/scales.tsv";
  rows = data::read_table(scales, dir, 3, 3);
  if (!rows) return rows.status();
  for (const auto& row : rows->rows) {
    if (dup(scales, {row.fields[0], row.fields[2]})) return data::bad_row(*rows, row, "duplicate scale word");
    const int exp = std::atoi(row.fields[1].c_str());
    if (exp < 1 || exp > 15 || std::to_string(exp) != row.fields[1])
      return data::bad_row(*rows, row, "power of ten is a number from 1 to 15");
    lang_of(row.fields[0]).scales.push_back({split_phrase(row.fields[2]), exp});
  }

  const std::string percent = "numbers/percent.tsv";
  rows = data::read_table(percent, dir, 3, 3);
  if (!rows) return rows.status();
  for (const auto& row : rows->rows) {
    if (dup(percent, row.fields)) return data::bad_row(*rows, row, "duplicate entry");
    Phrase p{split_phrase(row.fields[2]), 0};
    if (row.fields[1] == "after") lang_of(row.fields[0]).percent_after.push_back(p);
    else if (row.fields[1] == "before") lang_of(row.fields[0]).percent_before.push_back(p);
    else return data::bad_row(*rows, row, "position is after or before");
  }

  const std::string date_words = "numbers/date-words.tsv";
  rows = data::read_table(date_words, dir, 3, 3);
  if (!rows) return rows.status();
  for (const auto& row : rows->rows) {
    if (dup(date_words, row.fields)) return data::bad_row(*rows, row, "duplicate entry");
    LangRules& lr = lang_of(row.fields[0]);
    const std::string& role = row.fields[1];
    if (role == "link") lr.link.insert(row.fields[2]);
    else if (role == "range") lr.range.insert(row.fields[2]);
    else if (role == "list") lr.list.insert(row.fields[2]);
    else if (role == "year") lr.year_words.insert(row.fields[2]);
    else if (role == "day-suffix") lr.day_suffix.insert(row.fields[2]);
    else if (role == "hour") lr.hour.insert(row.fields[2]);
    else if (role == "minute") lr.minute.insert(row.fields[2]);
    else if (role == "time-at") lr.time_at.insert(row.fields[2]);
    else if (role == "hour-not-before") lr.hour_not_before.insert(row.fields[2]);
    else if (role == "am") lr.am.push_back({split_phrase(row.fields[2]), 0});
    else if (role == "pm") lr.pm.push_back({split_phrase(row.fields[2]), 0});
    else if (role == "noon") lr.noon.push_back({split_phrase(row.fields[2]), 0});
    else if (role == "midnight") lr.midnight.push_back({split_phrase(row.fields[2]), 0});
    else return data::bad_row(*rows, row, "role is link, range, list, year, day-suffix, hour, hour-not-before, minute, time-at, am, pm, noon or midnight");
  }

  const std::string context = "numbers/context-words.tsv";
  rows = data::read_table(context, dir, 3, 3);
  if (!rows) return rows.status();
  for (const auto& row : rows->rows) {
    if (dup(context, row.fields)) return data::bad_row(*rows, row, "duplicate entry");
    LangRules& lr = lang_of(row.fields[0]);
    const std::string& role = row.fields[1];
    if (role == "roman-after") lr.roman_after.insert(row.fields[2]);
    else if (role == "approx-before") lr.approx_before.push_back({split_phrase(row.fields[2]), 0});
    else if (role == "item-after") lr.item_after.insert(row.fields[2]);
    else if (role == "soft-after") lr.soft_after.push_back({split_phrase(row.fields[2]), 0});
    else if (role == "approx-after") lr.approx_after.insert(row.fields[2]);
    else if (role == "not-after") lr.not_after.push_back({split_phrase(row.fields[2]), 0});
    else if (role == "decade-suffix") lr.decade_suffix.insert(row.fields[2]);
    else if (role == "glued-prefix") lr.glued_prefix.insert(row.fields[2]);
    else if (role == "glued-suffix") lr.glued_suffix.push_back(row.fields[2]);
    else if (role == "footnote-after") lr.footnote_after.push_back({split_phrase(row.fields[2]), 0});
    else if (role == "decade-before") lr.decade_before.push_back({split_phrase(row.fields[2]), 0});
    else if (role == "one-before") lr.one_before.push_back({split_phrase(row.fields[2]), 0});
    else
      return data::bad_row(*rows, row,
                           "role is roman-after, approx-before, approx-after, item-after, soft-after, not-after, "
                           "decade-suffix, decade-before, glued-prefix, glued-suffix, footnote-after or one-before");
  }

  const std::string words = "numbers/number-words.tsv";
  rows = data::read_table(words, dir, 4, 5);
  if (!rows) return rows.status();
  for (const auto& row : rows->rows) {
    if (dup(words, {row.fields[0], row.fields[3]})) return data::bad_row(*rows, row, "duplicate number word");
    detail::NumberWord w;
    w.value = std::atoi(row.fields[2].c_str());
    if (w.value < 1 || std::to_string(w.value) != row.fields[2])
      return data::bad_row(*rows, row, "value is a positive number");
    const std::string& kind = row.fields[1];
    if (kind == "ordinal") w.ordinal = true;
    else if (kind == "multiplier") w.multiplier = true;
    else if (kind == "fraction") w.fraction = true;
    else if (kind != "cardinal") return data::bad_row(*rows, row, "kind is cardinal, ordinal, multiplier or fraction");
    if (row.fields.size() == 5) {
      if (row.fields[4] == "ambiguous") w.ambiguous = true;
      else if (row.fields[4] == "article") w.article = true;
      else return data::bad_row(*rows, row, "flag is ambiguous or article");
    }
    lang_of(row.fields[0]).words.emplace(row.fields[3], w);
  }

  const std::string measure = "numbers/zh-measure-words.txt";
  rows = data::read_table(measure, dir, 1, 1);
  if (!rows) return rows.status();
  for (const auto& row : rows->rows) {
    std::size_t pos = 0;
    const char32_t c = utf8::next(row.fields[0], pos);
    if (pos != row.fields[0].size() || !utf8::is_han(c))
      return data::bad_row(*rows, row, "one Han character a line");
    if (!rules.measure.insert(c).second) return data::bad_row(*rows, row, "duplicate measure word");
  }

  // Longest phrases first, so "mil millones" wins over "mil" and 万亿 over 万.
  auto by_length = [](const Phrase& a, const Phrase& b) { return a.parts.size() > b.parts.size(); };
  for (auto& [lang, lr] : rules.langs) {
    std::stable_sort(lr.scales.begin(), lr.scales.end(), by_length);
    std::stable_sort(lr.percent_after.begin(), lr.percent_after.end(), by_length);
  }
  // Unknown languages: English numbers, everyone's words (but not Chinese single characters as scales).
  LangRules& any = rules.any;
  if (auto en = rules.langs.find("en"); en != rules.langs.end()) any = en->second;
  any.english_capitals = false;
  for (const auto& [lang, lr] : rules.langs) {
    if (lang == "en") continue;
    for (const auto& [first, names] : lr.months)
      for (const auto& n : names) any.months[first].push_back(n);
    if (lang != "zh") any.scales.insert(any.scales.end(), lr.scales.begin(), lr.scales.end());
    any.percent_after.insert(any.percent_after.end(), lr.percent_after.begin(), lr.percent_after.end());
    any.percent_before.insert(any.percent_before.end(), lr.percent_before.begin(), lr.percent_before.end());
    any.year_words.insert(lr.year_words.begin(), lr.year_words.end());
    any.link.insert(lr.link.begin(), lr.link.end());
    any.list.insert(lr.list.begin(), lr.list.end());
    any.day_suffix.insert(lr.day_suffix.begin(), lr.day_suffix.end());
    any.hour.insert(lr.hour.begin(), lr.hour.end());
    any.minute.insert(lr.minute.begin(), lr.minute.end());
    any.time_at.insert(lr.time_at.begin(), lr.time_at.end());
    any.am.insert(any.am.end(), lr.am.begin(), lr.am.end());
    any.pm.insert(any.pm.end(), lr.pm.begin(), lr.pm.end());
    any.roman_after.insert(lr.roman_after.begin(), lr.roman_after.end());
    any.not_after.insert(any.not_after.end(), lr.not_after.begin(), lr.not_after.end());
    for (const std::string& r : lr.range)
      if (r.size() > 1 || r == "-") any.range.insert(r);  // not es "a", too common a word elsewhere
  }
  std::stable_sort(any.scales.begin(), any.scales.end(), by_length);
  std::stable_sort(any.percent_after.begin(), any.percent_after.end(), by_length);
  return Status::ok_status();
}

}  // namespace

std::string_view to_string(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::kNumber: return "number";
    case QuantityKind::kPercent: return "percent";
    case QuantityKind::kYear: return "year";
    case QuantityKind::kOrdinal: return "ordinal";
    case QuantityKind::kDate: return "date";
    case QuantityKind::kRange: return "range";
    case QuantityKind::kTime: return "time";
  }
  return "number";
}

Result<QuantityFinder> QuantityFinder::load(const std::string& data_dir) {
  auto rules = std::make_shared<NumberRules>();
  if (Status s = load_into(data_dir, *rules); !s.ok()) return s;
  return QuantityFinder(std::move(rules));
}

std::vector<Quantity> QuantityFinder::find(std::string_view text, std::string_view lang,
                                           const std::vector<ByteSpan>& skip) const {
  if (!rules_ || text.empty()) return {};
  const LangRules& lr = rules_->for_lang(lang);
  const std::vector<Char> chars = scan::decode(text);
  std::vector<Tok> toks = Lexer(chars, lr).run();
  if (!skip.empty()) {
    std::vector<ByteSpan> spans = skip;
    std::sort(spans.begin(), spans.end());
    std::size_t s = 0;
    for (Tok& t : toks) {
      const std::size_t b = chars[t.b].offset, e = chars[t.e - 1].end;
      while (s < spans.size() && spans[s].second <= b) ++s;
      if (s < spans.size() && spans[s].first < e) t.kind = TokKind::kOther;
    }
  }
  return Matcher(*rules_, lr, lang, text, chars, std::move(toks)).run();
}

const Result<QuantityFinder>& default_quantity_finder() {
  static const Result<QuantityFinder> finder = QuantityFinder::load();
  return finder;
}

std::vector<ByteSpan> spans_of(const std::vector<Reference>& refs) {
  std::vector<ByteSpan> out;
  out.reserve(refs.size());
  for (const Reference& r : refs) out.emplace_back(r.offset, r.offset + r.length);
  return out;
}

std::vector<Quantity> find_quantities(std::string_view text, std::string_view lang,
                                      const std::vector<ByteSpan>& skip) {
  // Library code does not throw: with broken data files there is nothing to read with, and the callers that load
  // the rules (SentenceAligner::create, QaChecker::create) have already returned default_quantity_finder()'s
  // Status, which names the file and line.
  const auto& finder = default_quantity_finder();
  if (!finder) return {};
  return finder->find(text, lang, skip);
}

std::vector<Quantity> find_quantities(std::string_view text, std::string_view lang) {
  return find_quantities(text, lang, spans_of(find_references(text)));
}

}  // namespace paralign
