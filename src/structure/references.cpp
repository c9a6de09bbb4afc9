// A hand scanner over the decoded text: one pass, each position examined a bounded number of times (the look-back
// for a keyword and the look-ahead through a Chinese list are capped), so the cost is linear in the text.
#include "paralign/references.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "normalize/data_files.hpp"
#include "normalize/scan.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace detail {
struct ReferenceRules {
  std::unordered_set<std::string> series;
  std::unordered_map<std::string, ReferenceKind> before_exact;  // lower-case word -> kind
  std::vector<std::pair<std::string, ReferenceKind>> before_prefix;
  std::vector<std::pair<std::u32string, ReferenceKind>> han_keywords;  // 决议 决定 (before or after the number)
  std::unordered_set<std::string> join_words;                          // and, et, y, и, و
  std::vector<std::u32string> han_joins;                               // 和 及 以及 与
  std::vector<std::pair<std::u32string, char>> part_letters;  // А, ألف: the Latin part letter each stands for
  std::vector<std::u32string> session_marks;                  // د in (د-3)
};
}  // namespace detail

namespace {

using scan::Char;
using Rules = detail::ReferenceRules;

constexpr std::size_t kMaxKeywordGapWords = 3;  // "резолюции Генеральной Ассамблеи 58/241"
constexpr std::size_t kMaxLookAhead = 120;      // code points searched for 号决议 through a Chinese list
constexpr std::size_t kMaxLookBack = 80;        // code points searched back for a keyword

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < s.size()) out.push_back(utf8::next(s, pos));
  return out;
}

bool all_han(const std::u32string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char32_t c) { return utf8::is_han(c); });
}

bool matches_at(const std::vector<Char>& c, std::size_t i, const std::u32string& word) {
  if (i + word.size() > c.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (c[i + k].cp != word[k]) return false;
  return true;
}

bool ends_at(const std::vector<Char>& c, std::size_t end, const std::u32string& word) {
  return end >= word.size() && matches_at(c, end - word.size(), word);
}

class Scanner {
 public:
  Scanner(const Rules& rules, std::string_view text) : r_(rules), text_(text), c_(scan::decode(text)) {}

  std::vector<Reference> run() {
    std::size_t i = 0;
    while (i < c_.size()) {
      std::size_t next = i + 1;
      if (try_url(i, next) || try_symbol(i, next) || try_number(i, next)) {
        i = next;
        continue;
      }
      ++i;
    }
    return std::move(out_);
  }

 private:
  char32_t cp(std::size_t i) const { return i < c_.size() ? c_[i].cp : 0; }
  bool alnum_before(std::size_t i) const { return i > 0 && scan::is_ascii_alnum(c_[i - 1].cp); }

  void emit(ReferenceKind kind, std::size_t b, std::size_t e, std::string key, bool joint = false) {
    Reference ref;
    ref.kind = kind;
    ref.offset = c_[b].offset;
    ref.length = c_[e - 1].end - ref.offset;
    ref.text = std::string(text_.substr(ref.offset, ref.length));
    ref.key = std::move(key);
    ref.joint = joint;
    out_.push_back(std::move(ref));
  }

  // ---- URLs ----------------------------------------------------------------------------------------------------
  bool starts_with_ci(std::size_t i, std::string_view s) const {
    if (i + s.size() > c_.size()) return false;
    for (std::size_t k = 0; k < s.size(); ++k)
      if (scan::lower(c_[i + k].raw) != static_cast<char32_t>(s[k])) return false;
    return true;
  }

  static bool url_char(char32_t raw) {
    return raw > 0x20 && raw < 0x7F && raw != '<' && raw != '>' && raw != '"' && raw != '{' && raw != '}' &&
           raw != '|' && raw != '\\' && raw != '^' && raw != '`';
  }

  bool try_url(std::size_t i, std::size_t& next) {
    if (c_[i].raw != 'h' && c_[i].raw != 'H' && c_[i].raw != 'w' && c_[i].raw != 'W') return false;
    if (i > 0 && (scan::is_ascii_alnum(c_[i - 1].raw) || c_[i - 1].raw == '/' || c_[i - 1].raw == '.')) return false;
    std::size_t scheme = 0;
    if (starts_with_ci(i, "https://")) scheme = 8;
    else if (starts_with_ci(i, "http://")) scheme = 7;
    else if (starts_with_ci(i, "www.")) scheme = 0;
    else return false;
    std::size_t e = i + (scheme ? scheme : 4);
    while (e < c_.size() && url_char(c_[e].raw)) ++e;
    // Trailing sentence punctuation and a closing bracket that opened before the URL are not part of it.
    int parens = 0, brackets = 0;
    for (std::size_t k = i; k < e; ++k) {
      parens += (c_[k].raw == '(') - (c_[k].raw == ')');
      brackets += (c_[k].raw == '[') - (c_[k].raw == ']');
    }
    while (e > i) {
      const char32_t last = c_[e - 1].raw;
      if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' || last == '\'') {
        --e;
      } else if (last == ')' && parens < 0) {
        --e;
        ++parens;
      } else if (last == ']' && brackets < 0) {
        --e;
        ++brackets;
      } else {
        break;
      }
    }
    const std::size_t body = i + (scheme ? scheme : 0);
    if (e <= body + (scheme ? 0 : 4) + 1) return false;  // "www." or "http://" alone
    std::string key = "url:";
    // Host in lower case (host names are case-insensitive), path as written.
    bool in_host = true;
    for (std::size_t k = body; k < e; ++k) {
      char32_t ch = c_[k].raw;
      if (ch == '/' || ch == '?' || ch == '#') in_host = false;
      if (in_host) ch = scan::lower(ch);
      utf8::append(key, ch);
    }
    while (key.size() > 4 && key.back() == '/') key.pop_back();
    emit(ReferenceKind::kUrl, i, e, std::move(key));
    next = e;
    return true;
  }

  // ---- document symbols ------------------------------------------------------------------------------------------
  // Parses one symbol at i; returns its end (0 when none).
  std::size_t parse_symbol(std::size_t i, bool& has_digit) const {
    has_digit = false;
    std::size_t e = i;
    while (e < c_.size() && scan::is_ascii_upper(cp(e))) ++e;
    if (e == i || cp(e) != '/') return 0;
    std::string series;
    for (std::size_t k = i; k < e; ++k) series += static_cast<char>(cp(k));
    if (!r_.series.count(series)) return 0;
    std::size_t parts = 0;
    while (cp(e) == '/' && scan::is_ascii_alnum(cp(e + 1))) {
      std::size_t k = e + 1;
      while (true) {
        while (scan::is_ascii_alnum(cp(k))) {
          has_digit = has_digit || scan::is_digit(cp(k));
          ++k;
        }
        if (cp(k) == '.' && scan::is_ascii_alnum(cp(k + 1))) {
          ++k;
          continue;
        }
        break;
      }
      e = k;
      ++parts;
    }
    return parts > 0 ? e : 0;
  }

  bool try_symbol(std::size_t i, std::size_t& next) {
    if (!scan::is_ascii_upper(cp(i))) return false;
    if (i > 0 && (scan::is_ascii_alnum(cp(i - 1)) || cp(i - 1) == '/' || cp(i - 1) == '.')) return false;
    bool digit = false;
    const std::size_t e = parse_symbol(i, digit);
    if (e == 0 || !digit) return false;
    bool digit2 = false;
    const std::size_t e2 = cp(e) == '-' ? parse_symbol(e + 1, digit2) : 0;
    if (e2 != 0 && digit2) {
      emit(ReferenceKind::kSymbol, i, e, scan::folded_utf8(c_, i, e), true);
      emit(ReferenceKind::kSymbol, e + 1, e2, scan::folded_utf8(c_, e + 1, e2), true);
      next = e2;
    } else {
      emit(ReferenceKind::kSymbol, i, e, scan::folded_utf8(c_, i, e));
      next = e;
    }
    return true;
  }

  // ---- resolution and decision numbers ---------------------------------------------------------------------------
  // A number in the form N/N or N (YYYY) at i: its end and its key body ("58/241", "1373(2001)"); 0 when none.
  std::size_t parse_res_number(std::size_t i, std::string& body) const {
    if (!scan::is_digit(cp(i))) return 0;
    std::size_t e = i;
    while (scan::is_digit(cp(e)) && e - i <= 4) ++e;
    if (e - i > 4) return 0;
    const std::string first = scan::folded_utf8(c_, i, e);
    if (cp(e) == '/' && scan::is_digit(cp(e + 1))) {
      std::size_t k = e + 1;
      while (scan::is_digit(cp(k)) && k - e <= 5) ++k;
      if (k - e - 1 > 4 || scan::is_digit(cp(k))) return 0;
      // 12/05/2004 is a date; 58/241.5, 3/4a are not resolution numbers.
      if ((cp(k) == '/' || cp(k) == '.' || cp(k) == ',') && scan::is_digit(cp(k + 1))) return 0;
      if (scan::is_ascii_alpha(cp(k))) return 0;
      body = first + "/" + scan::folded_utf8(c_, e + 1, k);
      return k;
    }
    std::size_t k = skip_inline_spaces(e, 3);
    if (cp(k) != '(') return parse_session_form(e, first, body);
    const std::size_t y = k + 1;
    for (std::size_t d = 0; d < 4; ++d)
      if (!scan::is_digit(cp(y + d))) return parse_session_form(e, first, body);
    if (cp(y + 4) != ')') return 0;
    body = first + "(" + scan::folded_utf8(c_, y, y + 4) + ")";
    return y + 5;
  }

  std::size_t skip_inline_spaces(std::size_t k, std::size_t most) const {
    const std::size_t from = k;
    while (k < c_.size() && k - from < most && scan::is_inline_space(cp(k))) ++k;
    return k;
  }

  static bool is_dash(char32_t ch) { return ch == '-' || (ch >= 0x2010 && ch <= 0x2015) || ch == 0x2212; }

  // The style used until 1976, after the number's digits [.., e): a part letter perhaps, then the session in
  // brackets, in Roman numerals or after a session mark: "217 A (III)", "1514 (XV)", "217A(III)", "217 ألف (د-3)".
  // Its end and key body ("217A(3)", "1514(15)"); 0 when none.
  std::size_t parse_session_form(std::size_t e, const std::string& first, std::string& body) const {
    std::size_t k = skip_inline_spaces(e, 2);
    std::string letter;
    if (scan::is_ascii_upper(cp(k)) && !scan::is_word_char(cp(k + 1))) {
      letter = static_cast<char>(cp(k));
      ++k;
    } else {
      for (const auto& [form, latin] : r_.part_letters)
        if (matches_at(c_, k, form) && !scan::is_word_char(cp(k + form.size()))) {
          letter = latin;
          k += form.size();
          break;
        }
    }
    if (letter.empty()) k = e;
    k = skip_inline_spaces(k, 2);
    if (cp(k) != '(') return 0;
    ++k;
    int session = -1;
    std::size_t r = k;
    while (r - k < 8 && (cp(r) == 'I' || cp(r) == 'V' || cp(r) == 'X' || cp(r) == 'L')) ++r;
    if (r > k && cp(r) == ')') {
      session = scan::roman_value(scan::folded_utf8(c_, k, r));
    } else {
      for (const std::u32string& mark : r_.session_marks) {
        if (!matches_at(c_, k, mark)) continue;
        r = skip_inline_spaces(k + mark.size(), 1);
        if (!is_dash(cp(r))) break;
        r = skip_inline_spaces(r + 1, 1);
        const std::size_t d = r;
        int value = 0;
        while (scan::is_digit(cp(r)) && r - d < 3) value = value * 10 + static_cast<int>(cp(r++) - '0');
        if (r == d || r - d > 2 || cp(r) != ')') break;
        session = value;
        break;
      }
    }
    if (session <= 0 || session > 99 || cp(r) != ')') return 0;
    body = first + letter + "(" + std::to_string(session) + ")";
    return r + 1;
  }

  bool keyword_word(const std::string& word, ReferenceKind& kind) const {
    auto check = [&](const std::string& w) {
      if (auto it = r_.before_exact.find(w); it != r_.before_exact.end()) {
        kind = it->second;
        return true;
      }
      for (const auto& [prefix, k] : r_.before_prefix)
        if (w.size() >= prefix.size() && w.compare(0, prefix.size(), prefix) == 0) {
          kind = k;
          return true;
        }
      return false;
    };
    if (check(word)) return true;
    std::size_t p = 0;
    if (scan::is_arabic_letter(utf8::next(word, p)))
      for (const std::string& stem : scan::arabic_stems(word))
        if (check(stem)) return true;
    return false;
  }

  // A resolution or decision word standing before the number at i (up to kMaxKeywordGapWords words before it).
  bool keyword_before(std::size_t i, ReferenceKind& kind) const {
    std::size_t k = i;
    const std::size_t limit = i > kMaxLookBack ? i - kMaxLookBack : 0;
    while (k > limit && scan::is_inline_space(cp(k - 1))) --k;
    if (k > 0 && cp(k - 1) == U'第') --k;
    // Chinese: 决议1373（2001）, 决定 7/03.
    for (const auto& [word, kd] : r_.han_keywords)
      if (ends_at(c_, k, word)) {
        kind = kd;
        return true;
      }
    for (std::size_t words = 0; words <= kMaxKeywordGapWords && k > limit; ++words) {
      const std::size_t e = k;
      while (k > limit && scan::is_word_char(cp(k - 1))) --k;
      if (k == e) return false;
      if (keyword_word(scan::lower_utf8(c_, k, e), kind)) return true;
      while (k > limit && scan::is_inline_space(cp(k - 1))) --k;
      if (k == limit || !scan::is_word_char(cp(k - 1))) return false;
    }
    return false;
  }

  // Only list glue (spaces, commas, 、, "and" words, 第, 号) between b and e.
  bool only_joins(std::size_t b, std::size_t e) const {
    if (e < b || e - b > kMaxLookBack) return false;
    std::size_t k = b;
    while (k < e) {
      const char32_t ch = cp(k);
      if (scan::is_inline_space(ch) || ch == ',' || ch == U'、' || ch == U'第' || ch == U'号') {
        ++k;
        continue;
      }
      bool han_join = false;
      for (const auto& j : r_.han_joins)
        if (k + j.size() <= e && matches_at(c_, k, j)) {
          k += j.size();
          han_join = true;
          break;
        }
      if (han_join) continue;
      if (scan::is_word_char(ch)) {
        std::size_t w = k;
        while (w < e && scan::is_word_char(cp(w))) ++w;
        if (!r_.join_words.count(scan::lower_utf8(c_, k, w))) return false;
        k = w;
        continue;
      }
      return false;
    }
    return true;
  }

  // Chinese: the number at [i, e) followed by 号 ... 决议/决定, possibly through further numbers of a list, each with
  // its own 号 (第1267（1999）号和第1333（2000）号决议) or one 号 for all (第2057(2012)、第2109(2013)和第2187(2014)号决议).
  bool keyword_after(std::size_t e, ReferenceKind& kind) const {
    std::size_t k = e;
    std::size_t limit = std::min(c_.size(), e + kMaxLookAhead);
    bool seen_hao = false;
    while (k < limit) {
      const char32_t ch = cp(k);
      if (ch == U'号') {
        seen_hao = true;
        ++k;
        continue;
      }
      if (seen_hao)
        for (const auto& [word, kd] : r_.han_keywords)
          if (matches_at(c_, k, word)) {
            kind = kd;
            return true;
          }
      std::string body;
      if (const std::size_t n = parse_res_number(k, body); n != 0) {
        k = n;
        // A long list: look on from its latest number, within a bound that keeps the scan linear.
        limit = std::min({c_.size(), n + kMaxLookAhead, e + 4 * kMaxLookAhead});
        continue;
      }
      std::size_t j = k + 1;
      if (!(scan::is_inline_space(ch) || ch == ',' || ch == U'、' || ch == U'第')) {
        bool han_join = false;
        for (const auto& w : r_.han_joins)
          if (matches_at(c_, k, w)) {
            j = k + w.size();
            han_join = true;
            break;
          }
        if (!han_join) return false;
      }
      k = j;
    }
    return false;
  }

  bool try_number(std::size_t i, std::size_t& next) {
    if (!scan::is_digit(cp(i))) return false;
    if (i > 0) {
      const char32_t p = cp(i - 1);
      if (scan::is_ascii_alnum(p) || scan::is_european_letter(p) || p == '/' || p == '.' || p == '-' || p == ',')
        return false;
    }
    std::string body;
    const std::size_t e = parse_res_number(i, body);
    if (e == 0) {
      // Skip the rest of a digit run so a long number is not re-examined from each of its digits.
      std::size_t k = i;
      while (scan::is_digit(cp(k))) ++k;
      next = k;
      return true;
    }
    ReferenceKind kind{};
    bool found = false;
    if (last_list_end_ != 0 && only_joins(last_list_end_, i)) {
      kind = last_list_kind_;
      found = true;
    }
    if (!found) found = keyword_before(i, kind);
    if (!found) found = keyword_after(e, kind);
    if (!found) {
      next = e;
      return true;
    }
    emit(kind, i, e, (kind == ReferenceKind::kResolution ? "res:" : "dec:") + body);
    last_list_end_ = e;
    last_list_kind_ = kind;
    next = e;
    return true;
  }

  const Rules& r_;
  std::string_view text_;
  std::vector<Char> c_;
  std::vector<Reference> out_;
  std::size_t last_list_end_ = 0;
  ReferenceKind last_list_kind_ = ReferenceKind::kResolution;
};

Result<ReferenceKind> parse_kind(const std::string& s) {
  if (s == "resolution") return ReferenceKind::kResolution;
  if (s == "decision") return ReferenceKind::kDecision;
  return Status(ErrorCode::kParse, "unknown role " + s);
}

}  // namespace

std::string_view to_string(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kSymbol: return "symbol";
    case ReferenceKind::kResolution: return "resolution";
    case ReferenceKind::kDecision: return "decision";
    case ReferenceKind::kUrl: return "url";
  }
  return "symbol";
}

Result<ReferenceFinder> ReferenceFinder::load(const std::string& data_dir) {
  const std::string& dir = data_dir;
  auto rules = std::make_shared<Rules>();
  const std::string series_file = "references/symbol-series.txt";
  auto series = data::read_table(series_file, dir, 1, 1);
  if (!series) return series.status();
  for (const data::DataLine& row : series->rows) {
    const std::string& s = row.fields[0];
    if (!std::all_of(s.begin(), s.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
      return data::bad_row(*series, row, "a series is ASCII capital letters: " + s);
    if (!rules->series.insert(s).second) return data::bad_row(*series, row, "duplicate series " + s);
  }
  const std::string kw_file = "references/keywords.tsv";
  auto keywords = data::read_table(kw_file, dir, 4, 4);
  if (!keywords) return keywords.status();
  std::set<std::string> seen;
  for (const data::DataLine& row : keywords->rows) {
    const std::string &lang = row.fields[0], &role = row.fields[1], &pos = row.fields[2], &word = row.fields[3];
    if (!seen.insert(lang + '\t' + role + '\t' + pos + '\t' + word).second)
      return data::bad_row(*keywords, row, "duplicate entry " + word);
    const std::u32string w32 = to_u32(word);
    if (role == "and") {
      if (pos != "join") return data::bad_row(*keywords, row, "role 'and' takes position 'join'");
      if (all_han(w32)) rules->han_joins.push_back(w32);
      else rules->join_words.insert(word);
      continue;
    }
    auto kind = parse_kind(role);
    if (!kind) return data::bad_row(*keywords, row, kind.status().message());
    if (pos != "before" && pos != "after") return data::bad_row(*keywords, row, "position is before or after");
    if (all_han(w32)) {
      // Han keywords are looked for on both sides (决议1373（2001）, 第58/241号决议); one entry is enough.
      if (std::none_of(rules->han_keywords.begin(), rules->han_keywords.end(),
                       [&](const auto& p) { return p.first == w32; }))
        rules->han_keywords.emplace_back(w32, *kind);
    } else if (pos == "after") {
      return data::bad_row(*keywords, row, "only Chinese keywords follow the number");
    } else if (word.back() == '*') {
      rules->before_prefix.emplace_back(word.substr(0, word.size() - 1), *kind);
    } else {
      rules->before_exact.emplace(word, *kind);
    }
  }
  const std::string session_file = "references/session-numbers.tsv";
  auto sessions = data::read_table(session_file, dir, 4, 4);
  if (!sessions) return sessions.status();
  std::set<std::string> seen_forms;
  for (const data::DataLine& row : sessions->rows) {
    const std::string &role = row.fields[0], &lang = row.fields[1], &form = row.fields[2], &value = row.fields[3];
    if (!seen_forms.insert(role + '\t' + lang + '\t' + form).second)
      return data::bad_row(*sessions, row, "duplicate entry " + form);
    if (role == "letter") {
      if (value.size() != 1 || value[0] < 'A' || value[0] > 'Z')
        return data::bad_row(*sessions, row, "a letter stands for one Latin capital A-Z: " + value);
      rules->part_letters.emplace_back(to_u32(form), value[0]);
    } else if (role == "session") {
      if (value != "-") return data::bad_row(*sessions, row, "a session mark's value is '-' (a dash follows it)");
      rules->session_marks.push_back(to_u32(form));
    } else {
      return data::bad_row(*sessions, row, "role is letter or session: " + role);
    }
  }
  // Longest forms first, so that a letter's name is not cut short by a shorter form.
  std::sort(rules->part_letters.begin(), rules->part_letters.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  // Longest joins first so 以及 wins over 及.
  std::sort(rules->han_joins.begin(), rules->han_joins.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return ReferenceFinder(std::move(rules));
}

std::vector<Reference> ReferenceFinder::find(std::string_view text) const {
  if (!rules_ || text.empty()) return {};
  return Scanner(*rules_, text).run();
}

const Result<ReferenceFinder>& default_reference_finder() {
  static const Result<ReferenceFinder> finder = ReferenceFinder::load();
  return finder;
}

std::vector<Reference> find_references(std::string_view text) {
  // Library code does not throw: with broken data files there is nothing to find with, and the callers that load
  // the rules (SentenceAligner::create, QaChecker::create, inspect) have already returned
  // default_reference_finder()'s Status, which names the file and line.
  const auto& finder = default_reference_finder();
  if (!finder) return {};
  return finder->find(text);
}

}  // namespace paralign
