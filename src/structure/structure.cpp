// The structure stage: from the decoded text of one language version to its blocks.
//
// The work goes in passes, each linear in the size of the input:
//   1. split into lines and note their shape (indent, trailing space, blank);
//   2. find the symbol and mark page furniture (running header, page numbers, separators, repeated link lines);
//   3. learn the document's habits: does a trailing space close a paragraph (PDF extractors often leave one), are
//      empty lines mere line spacing, are numbers set off from Chinese characters by spaces;
//   4. cut the remaining lines into units (paragraph candidates, headings, notes), rejoining broken lines and
//      taking out footnote markers;
//   5. classify the units, telling numbered paragraphs from numbered headings by the longest run 1..N.
#include "paralign/structure.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "structure/labels.hpp"
#include "structure/section_words.hpp"
#include "util/data_dir.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

using structure::Label;
using structure::LabelType;
using structure::parse_label;
using structure::is_word;
using structure::section_words;
using structure::section_words_result;
using structure::starts_with_word;

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

struct Line {
  std::string_view raw;
  std::string_view text;  // trimmed
  std::size_t no = 0;     // 1-based
  bool lead_ws = false;
  bool trail_ws = false;
  bool empty = false;    // nothing at all
  bool ws_only = false;  // only white space
  bool furniture = false;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0, no = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Line l;
    l.raw = text.substr(pos, nl - pos);
    if (!l.raw.empty() && l.raw.back() == '\r') l.raw.remove_suffix(1);
    l.text = utf8::trim(l.raw);
    l.no = ++no;
    l.empty = l.raw.empty();
    l.ws_only = !l.empty && l.text.empty();
    l.lead_ws = !l.text.empty() && l.text.data() != l.raw.data();
    l.trail_ws = !l.text.empty() && l.text.data() + l.text.size() != l.raw.data() + l.raw.size();
    lines.push_back(l);
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

// A UN document symbol standing alone: "A/59/181", "S/2004/317", "A/CONF.192/PC/L.3".
bool is_symbol(std::string_view t) {
  if (t.size() < 3 || t.size() > 40) return false;
  std::size_t i = 0;
  while (i < t.size() && t[i] >= 'A' && t[i] <= 'Z') ++i;
  if (i == 0 || i > 6 || i >= t.size() || t[i] != '/') return false;
  bool digit = false;
  for (char c : t) {
    if (ascii_digit(c)) digit = true;
    else if (!(ascii_alnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '-' || c == '(' || c == ')'))
      return false;
  }
  return digit && t.back() != '/';
}

bool is_separator(std::string_view t) {
  std::size_t pos = 0, n = 0;
  char32_t first = 0;
  while (pos < t.size()) {
    const char32_t cp = utf8::next(t, pos);
    if (n == 0) first = cp;
    if (cp != first) return false;
    ++n;
  }
  return n >= 5 && (first == '_' || first == '-' || first == '=' || first == 0x2014 || first == 0x2500 ||
                    first == 0x2012 || first == 0xFF3F);
}

// Print-shop job numbers ("04-43776 (C)") and the bar code line ("*0443776*").
bool is_job_line(std::string_view t) {
  if (t.size() >= 8 && t.size() <= 40 && ascii_digit(t[0]) && ascii_digit(t[1]) && t[2] == '-') {
    for (std::size_t i = 3; i < 8; ++i)
      if (!ascii_digit(t[i])) return false;
    return t.size() == 8 || t[8] == ' ';
  }
  if (t.size() >= 7 && t.front() == '*' && t.back() == '*') {
    for (std::size_t i = 1; i + 1 < t.size(); ++i)
      if (!ascii_digit(t[i])) return false;
    return true;
  }
  return false;
}

bool is_page_number(std::string_view t) {
  if (!t.empty() && (t.front() == '-' || static_cast<unsigned char>(t.front()) == 0xE2)) {  // "- 15 -" / "– 15 –"
    std::string_view s = t;
    while (!s.empty() && !ascii_digit(s.front())) s.remove_prefix(1);
    while (!s.empty() && !ascii_digit(s.back())) s.remove_suffix(1);
    if (s.empty() || s.size() > 4) return false;
    for (char c : s)
      if (!ascii_digit(c)) return false;
    return t.size() <= s.size() + 8;
  }
  return structure::parse_digits(t, 4) > 0;
}

bool url_start(std::string_view t) {
  return t.substr(0, 7) == "http://" || t.substr(0, 8) == "https://" || t.substr(0, 4) == "www.";
}

// A line holding one web address and nothing else; PDF extraction may leave a space after a break point
// ("http://disarma- ment2.un.org/...").
bool is_link_line(std::string_view t) {
  if (!url_start(t)) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (c >= 0x80) return false;
    if (c == ' ' && (i == 0 || (t[i - 1] != '-' && t[i - 1] != '/' && t[i - 1] != '.'))) return false;
  }
  return true;
}

bool url_char(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u >= 0x7F) return false;
  switch (c) {
    case '"': case '<': case '>': case '(': case ')': case '{': case '}': case '|': case '\\': case '^': case '`':
      return false;
    default: return true;
  }
}

std::string compact(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t at = pos;
    const char32_t cp = utf8::next(s, pos);
    if (!utf8::is_space(cp)) out.append(s.substr(at, pos - at));
  }
  return out;
}

char32_t last_cp(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t p = s.size();
  return utf8::prev(s, p);
}

char32_t first_cp(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t p = 0;
  return utf8::next(s, p);
}

// The last white-space-delimited token of `s`.
std::string_view last_token(std::string_view s) {
  // Web addresses are short: looking back a bounded distance keeps joining linear on very long paragraphs.
  if (s.size() > 512) s = s.substr(s.size() - 512);
  const std::size_t sp = s.rfind(' ');
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}

bool urlish_token(std::string_view tok) {
  return tok.find("://") != std::string_view::npos || tok.find("www.") != std::string_view::npos;
}

// True when a line ends in the middle of a word or a web address, so its trailing space does not close anything.
std::size_t display_width(std::string_view s) {
  std::size_t pos = 0, w = 0;
  while (pos < s.size()) w += utf8::is_cjk(utf8::next(s, pos)) ? 2 : 1;
  return w;
}

bool ends_open(std::string_view text) {
  const char32_t c = last_cp(text);
  if (c == '-' || c == '/') return true;
  if (c == '.' && urlish_token(last_token(text))) return true;
  return false;
}

enum class Zone { kBody, kSeparatorNotes, kNotes };

struct Unit {
  Label label;
  std::string label_text;
  bool preset = false;  // kind decided while cutting (footnotes, notes heading, summary heading)
  BlockKind kind = BlockKind::kOther;
  int level = 0;
  std::optional<int> number;
  bool summary_word = false;
  bool annex_word = false;
  Zone zone = Zone::kBody;
  std::string text;
  std::vector<FootnoteMarker> markers;
  std::vector<SourceLine> source_lines;
  LineRange lines;
};

class Builder {
 public:
  Builder(std::string_view text, const StructureOptions& options) : input_(text), options_(options) {}

  Result<Document> run();

 private:
  void find_symbol();
  void mark_furniture();
  void learn_habits();
  void collect_vocabulary();
  void prescan_notes();
  void cut_units();
  void cut_segmented();
  void classify();
  std::vector<char> numbered_chain() const;

  void add_furniture(Line& l, std::string kind) {
    l.furniture = true;
    doc_.furniture.push_back({std::move(kind), std::string(l.text), {l.no, l.no}});
  }

  // Line helpers.
  bool hard_end(const Line& p, const Line* c) const;
  bool break_before(const Line& c, const Line* p, bool gap_break) const;
  std::optional<int> own_line_marker(const Line& c) const;
  bool note_start(const Line& c, Zone zone, int last_note, std::string_view* label, std::optional<int>* number,
                  std::string_view* rest) const;

  // Text helpers.
  std::string clean(std::string_view line, bool leading_marker_ok, std::vector<std::pair<std::size_t, int>>& found);
  std::size_t join(std::string& out, std::string_view next, std::size_t line_no);
  void append(Unit& u, std::string_view piece, const Line& line, bool leading_marker_ok);
  Unit& open_unit(const Line& line, Zone zone);
  bool marker_ok(int n) const { return n > 0 && (known_notes_.empty() || known_notes_.count(n) > 0); }
  // The note number `digits` spells: one to three digits, or four where the notes list runs that far (long studies
  // pass note 999; elsewhere four digits are a year, never a marker).
  int note_number(std::string_view digits) const {
    if (digits.size() <= 3) return structure::parse_digits(digits, 3);
    const int n = digits.size() == 4 ? structure::parse_digits(digits, 4) : -1;
    return n >= 1000 && known_notes_.count(n) > 0 ? n : -1;
  }

  std::string_view input_;
  const StructureOptions& options_;
  Document doc_;
  std::vector<Line> lines_;
  std::vector<Unit> units_;
  std::unordered_set<std::string> vocabulary_;
  std::unordered_set<int> known_notes_;
  bool signal_ = false;         // a trailing space closes a paragraph
  std::size_t full_width_ = 0;  // the width of a full line of running text (display columns)
  bool double_spaced_ = false;  // empty lines are line spacing, not paragraph breaks
  bool digit_han_space_ = false;
  int last_marker_ = 0;
};

void Builder::find_symbol() {
  if (!options_.symbol.empty()) {
    doc_.symbol = options_.symbol;
    return;
  }
  // The running header repeats the symbol on a line of its own; the most frequent such line wins.
  std::unordered_map<std::string_view, int> counts;
  std::string_view best;
  int best_count = 0;
  for (const Line& l : lines_) {
    if (!is_symbol(l.text)) continue;
    const int n = ++counts[l.text];
    if (n > best_count) best = l.text, best_count = n;
  }
  if (best_count > 0) {
    doc_.symbol = std::string(best);
    return;
  }
  // Otherwise the masthead: "United Nations A/CONF.192/PC/L.3" in the first lines.
  int seen = 0;
  for (const Line& l : lines_) {
    if (l.text.empty()) continue;
    if (++seen > 12) break;
    std::size_t pos = 0;
    while (pos < l.text.size()) {
      std::size_t sp = l.text.find(' ', pos);
      if (sp == std::string_view::npos) sp = l.text.size();
      const std::string_view tok = l.text.substr(pos, sp - pos);
      if (is_symbol(tok)) {
        doc_.symbol = std::string(tok);
        return;
      }
      pos = sp + 1;
    }
  }
}

void Builder::mark_furniture() {
  const std::size_t n = lines_.size();
  std::vector<char> header(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    Line& l = lines_[i];
    if (l.text.empty()) continue;
    if (!doc_.symbol.empty() && l.text == doc_.symbol) {
      add_furniture(l, "running-header");
      header[i] = 1;
    } else if (is_separator(l.text)) {
      add_furniture(l, "separator");
    } else if (is_job_line(l.text)) {
      add_furniture(l, "other");
      header[i] = 1;
    }
  }
  // Page numbers stand next to the running header or the job number, with only blank lines between.
  for (std::size_t i = 0; i < n; ++i) {
    Line& l = lines_[i];
    if (l.text.empty() || l.furniture || !is_page_number(l.text)) continue;
    bool near = false;
    for (int dir : {-1, 1}) {
      std::size_t j = i;
      while (true) {
        if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= n)) break;
        j += dir;
        if (lines_[j].text.empty()) continue;
        near = near || header[j];
        break;
      }
    }
    if (near) add_furniture(l, "page-number");
  }
  // Link lines repeated at a page's foot: the address already stands in the text (perhaps broken over lines).
  std::string body;
  for (const Line& l : lines_)
    if (!l.text.empty() && !l.furniture && !is_link_line(l.text)) body += compact(l.text);
  std::vector<std::string_view> urls;
  const std::string_view b(body);
  for (std::size_t pos = 0; pos < b.size();) {
    const std::size_t h = std::min(b.find("http", pos), b.find("www.", pos));
    if (h == std::string_view::npos) break;
    std::size_t e = h;
    while (e < b.size() && url_char(b[e])) ++e;
    urls.push_back(b.substr(h, e - h));
    pos = std::max(e, h + 1);
  }
  std::sort(urls.begin(), urls.end());
  std::unordered_set<std::string> seen_links;
  for (Line& l : lines_) {
    if (l.text.empty() || l.furniture || !is_link_line(l.text)) continue;
    const std::string u = compact(l.text);
    const auto it = std::lower_bound(urls.begin(), urls.end(), std::string_view(u));
    const bool in_text = it != urls.end() && it->substr(0, u.size()) == u;
    if (in_text || !seen_links.insert(u).second) add_furniture(l, "link-repeat");
  }
}

void Builder::learn_habits() {
  std::size_t content = 0, trailing = 0, gaps = 0, spaced_gaps = 0, spaced = 0, glued = 0;
  bool prev_content = false, blank_since = false;
  for (const Line& l : lines_) {
    if (l.text.empty()) {
      blank_since = true;
      continue;
    }
    if (l.furniture) continue;
    if (structure::parse_digits(l.text, 3) < 0) {
      ++content;
      if (l.trail_ws) ++trailing;
    }
    if (prev_content) {
      ++gaps;
      if (blank_since) ++spaced_gaps;
    }
    prev_content = true;
    blank_since = false;
    // Is "2004 年" (spaced) or "2004年" (glued) the habit?
    std::size_t pos = 0;
    char32_t a = 0, b = 0;
    while (pos < l.text.size()) {
      const char32_t c = utf8::next(l.text, pos);
      if ((ascii_digit(static_cast<char>(c < 0x80 ? c : 0)) && utf8::is_han(a)) ||
          (utf8::is_han(c) && a < 0x80 && ascii_digit(static_cast<char>(a))))
        ++glued;
      if (a == ' ' && ((utf8::is_han(c) && b < 0x80 && ascii_digit(static_cast<char>(b))) ||
                       (c < 0x80 && ascii_digit(static_cast<char>(c)) && utf8::is_han(b))))
        ++spaced;
      b = a;
      a = c;
    }
  }
  // The full line width: the 90th percentile of line widths (counted in a bounded histogram: linear).
  std::vector<std::size_t> hist(513, 0);
  std::size_t total = 0;
  for (const Line& l : lines_) {
    if (l.text.empty() || l.furniture) continue;
    ++hist[std::min<std::size_t>(display_width(l.text), 512)];
    ++total;
  }
  std::size_t acc = 0;
  for (std::size_t w = 0; w < hist.size() && total > 0; ++w) {
    acc += hist[w];
    if (acc * 10 >= total * 9) {
      full_width_ = w;
      break;
    }
  }
  const double t = content ? static_cast<double>(trailing) / static_cast<double>(content) : 0.0;
  signal_ = t >= 0.02 && t <= 0.7;
  double_spaced_ = gaps > 0 && spaced_gaps * 10 >= gaps * 4;
  digit_han_space_ = spaced > glued;
}

void Builder::collect_vocabulary() {
  // Latin-script words of the whole text, lower-cased: a hyphen at a line end is dropped only when the word it
  // splits also stands unbroken somewhere in the document.
  std::string word;
  for (std::size_t i = 0; i <= input_.size(); ++i) {
    const char c = i < input_.size() ? input_[i] : ' ';
    if (ascii_alnum(static_cast<unsigned char>(c))) {
      word.push_back(lower(c));
    } else {
      if (word.size() >= 3 && word.size() <= 64) vocabulary_.insert(word);
      word.clear();
    }
  }
}

// The numbers of the notes, read ahead so that footnote markers can be checked against them.
void Builder::prescan_notes() {
  bool notes = false, after_separator = false;
  int last = 0, separator_lines = 0;
  for (const Line& l : lines_) {
    if (l.text.empty()) continue;
    if (l.furniture) {
      if (is_separator(l.text)) after_separator = true, separator_lines = 0;
      continue;
    }
    if (is_word(l.text, section_words().notes)) {
      notes = true;
      last = 0;
      continue;
    }
    std::size_t d = 0;
    while (d < l.text.size() && ascii_digit(l.text[d])) ++d;
    const bool spaced = d > 0 && (d == l.text.size() || l.text[d] == ' ');
    int n = spaced && d <= 3 ? structure::parse_digits(l.text.substr(0, d), 3) : -1;
    if (spaced && d == 4 && notes && last >= 999) n = structure::parse_digits(l.text.substr(0, d), 4);
    if (notes && n == last + 1) {
      known_notes_.insert(n);
      last = n;
    } else if (after_separator && n > 0) {
      known_notes_.insert(n);
    }
    if (after_separator && ++separator_lines > 12) after_separator = false;
  }
}

// Does line `p` close what it belongs to? Where the extractor leaves a trailing space at paragraph ends, that
// space says so. Otherwise, in Latin-script text, a line well short of the full width that is followed by a line
// opening with a capital or a digit ends its paragraph (justified text fills every line but the last).
bool Builder::hard_end(const Line& p, const Line* c) const {
  if (ends_open(p.text)) return false;
  if (signal_) return p.trail_ws;
  if (c == nullptr || full_width_ == 0) return false;
  const char32_t a = last_cp(p.text), b = first_cp(c->text);
  if (utf8::is_cjk(a) || utf8::is_cjk(b)) return false;
  if (!(structure::is_letter(b) && !structure::is_lower(b)) && structure::digit_value(b) < 0) return false;
  return display_width(p.text) * 4 < full_width_ * 3;
}

bool Builder::break_before(const Line& c, const Line* p, bool gap_break) const {
  if (p == nullptr || gap_break) return true;
  if (is_word(c.text, section_words().summary) || is_word(c.text, section_words().notes) || starts_with_word(c.text, section_words().annex) ||
      is_word(p->text, section_words().summary) || starts_with_word(p->text, section_words().annex))
    return true;
  const Label lab = parse_label(c.text);
  const bool hard = hard_end(*p, &c);
  const bool term = structure::is_terminal_punct(last_cp(p->text));
  switch (lab.type) {
    case LabelType::kNone: return hard;
    case LabelType::kParen:
    case LabelType::kBullet: return signal_ ? (hard || (c.lead_ws && term)) : term;
    default: return signal_ ? (hard || term || c.lead_ws) : true;
  }
}

std::optional<int> Builder::own_line_marker(const Line& c) const {
  const int n = note_number(c.text);
  if (n > 0 && marker_ok(n)) return n;
  return std::nullopt;
}

bool Builder::note_start(const Line& c, Zone zone, int last_note, std::string_view* label,
                         std::optional<int>* number, std::string_view* rest) const {
  const std::string_view t = c.text;
  std::size_t i = 0;
  while (i < t.size() && i < 3 && t[i] == '*') ++i;
  if (i > 0 && (i == t.size() || t[i] == ' ' || static_cast<unsigned char>(t[i]) >= 0x80)) {
    *label = t.substr(0, i);
    *number = std::nullopt;
    *rest = utf8::trim(t.substr(i));
    return true;
  }
  std::size_t d = 0;
  while (d < t.size() && ascii_digit(t[d])) ++d;
  if (d == 0 || d > 4 || (d < t.size() && t[d] != ' ')) return false;
  const int n = note_number(t.substr(0, d));
  if (n <= 0) return false;
  if (zone == Zone::kNotes && !(n > last_note && n <= last_note + 3)) return false;
  // "11 650 吨": a number followed by another number is text, not a note.
  const std::string_view after = utf8::trim(t.substr(d));
  if (!after.empty() && ascii_digit(after[0]) && zone != Zone::kNotes) return false;
  *label = t.substr(0, d);
  *number = n;
  *rest = after;
  return true;
}

// Collapses white space, and takes out footnote numbers glued to the text ("报告；6", "Declaration8",
// "2001-2010,2", "2001-20107") and, when allowed, one standing at the start of the line ("12 请…").
std::string Builder::clean(std::string_view line, bool leading_marker_ok,
                           std::vector<std::pair<std::size_t, int>>& found) {
  std::string out;
  out.reserve(line.size());
  std::size_t pos = 0;
  if (leading_marker_ok) {
    std::size_t d = 0;
    while (d < line.size() && ascii_digit(line[d])) ++d;
    if (d > 0 && d <= 4 && d + 1 < line.size() && line[d] == ' ' && !ascii_digit(line[d + 1])) {
      const int n = note_number(line.substr(0, d));
      if (n == last_marker_ + 1 && marker_ok(n)) {
        found.emplace_back(0, n);
        last_marker_ = n;
        pos = d + 1;
      }
    }
  }
  bool in_space = false;
  bool in_url = false;  // inside a web address, where digits are never markers
  while (pos < line.size()) {
    const std::size_t at = pos;
    const char32_t cp = utf8::next(line, pos);
    if (utf8::is_space(cp)) {
      in_space = true;
      in_url = false;
      continue;
    }
    if (in_space && !out.empty()) out.push_back(' ');
    in_space = false;
    if (cp >= 0x80 || !url_char(static_cast<char>(cp))) in_url = false;
    if (!ascii_digit(static_cast<char>(cp < 0x80 ? cp : 0))) {
      out.append(line.substr(at, pos - at));
      const std::string_view o(out);
      if (o.size() >= 3 && (o.substr(o.size() - 3) == "://" || (o.size() >= 4 && o.substr(o.size() - 4) == "www.")))
        in_url = true;
      continue;
    }
    // A run of ASCII digits.
    std::size_t end = at;
    while (end < line.size() && ascii_digit(line[end])) ++end;
    const std::string_view run = line.substr(at, end - at);
    std::size_t q = end;
    const char32_t nc = end < line.size() ? utf8::next(line, q) : 0;
    const bool cjk_after = nc == 0 || (utf8::is_cjk_punct(nc) && nc != U'（' && nc != U'《');
    const bool after_ok = cjk_after || utf8::is_space(nc) || nc == ',' || nc == ';' || nc == ':' || nc == ')' ||
                          (nc == '.' && (q >= line.size() || line[q] == ' '));
    std::size_t p = at;
    const char32_t pc = at > 0 ? utf8::prev(line, p) : 0;
    std::size_t keep = run.size();  // digits that stay text; the rest is the marker
    // Up to three digits, or four when they are the next note of a list that runs past 999.
    const bool short_run = run.size() <= 3 || (run.size() == 4 && note_number(run) == last_marker_ + 1);
    if (after_ok && !in_url && !out.empty()) {
      if (short_run && (utf8::is_han(pc) || structure::is_cjk_closing(pc))) {
        // After Chinese only at the end of the line or before punctuation: "、6 月" is a date.
        if (cjk_after) keep = 0;
      } else if (short_run && structure::is_lower(pc)) {
        // "Declaration8": a word of three or more letters.
        std::size_t w = p, letters = 0;
        while (w > 0) {
          std::size_t w2 = w;
          if (!structure::is_letter(utf8::prev(line, w2))) break;
          w = w2;
          ++letters;
        }
        if (letters >= 3) keep = 0;
      } else if (short_run && (pc == ';' || pc == ',' || pc == ':' || pc == '.' || pc == 0x201D ||
                                     pc == 0x2019 || pc == ')')) {
        // "General;6", "2001-2010,2": the punctuation follows a lower-case word or a four-digit year.
        std::size_t w = p;
        const char32_t before = w > 0 ? utf8::prev(line, w) : 0;
        if (structure::is_lower(before)) {
          std::size_t letters = 0, w2 = p;
          while (w2 > 0) {
            std::size_t w3 = w2;
            if (!structure::is_letter(utf8::prev(line, w3))) break;
            w2 = w3;
            ++letters;
          }
          bool all_lower = true;
          for (std::size_t k = w2; k < p; ++k)
            if (line[k] >= 'A' && line[k] <= 'Z') all_lower = false;
          if (pc != '.' || (letters >= 4 && all_lower)) keep = 0;
        } else if ((pc == ',' || pc == ';') && (before == 0x201D || before == 0x2019 || before == ')')) {
          keep = 0;  // "world”,3": after a closing quotation mark or bracket
        } else if (pc == ',' && p >= 4 && before < 0x80 && ascii_digit(static_cast<char>(before))) {
          std::size_t k = p;
          while (k > 0 && ascii_digit(line[k - 1])) --k;
          if (p - k == 4 && (k == 0 || !ascii_digit(line[k - 1]))) keep = 0;
        }
      } else if ((run.size() == 5 || run.size() == 6) && pc == '-' && p >= 4) {
        // "2001-20107": a year range with the marker glued to its end.
        std::size_t k = p;
        while (k > 0 && ascii_digit(line[k - 1])) --k;
        if (p - k == 4) {
          const int y1 = structure::parse_digits(line.substr(k, 4), 4);
          const int y2 = structure::parse_digits(run.substr(0, 4), 4);
          if (y1 >= 1000 && y2 > y1 && y2 <= y1 + 50) keep = 4;
        }
      }
    }
    if (keep < run.size()) {
      const int n = note_number(run.substr(keep));
      if (marker_ok(n)) {
        out.append(run.substr(0, keep));
        found.emplace_back(out.size(), n);
        last_marker_ = std::max(last_marker_, n);
        pos = end;
        continue;
      }
    }
    out.append(run);
    pos = end;
  }
  return out;
}

// Appends `next` (one cleaned line) to `out` with the separator reflow calls for, and returns where it starts.
std::size_t Builder::join(std::string& out, std::string_view next, std::size_t line_no) {
  if (out.empty() || next.empty()) {
    const std::size_t at = out.size();
    out += next;
    return at;
  }
  std::size_t p = out.size();
  const char32_t left = utf8::prev(out, p);
  const char32_t right = first_cp(next);
  if (left == '-') {
    std::size_t p2 = p;
    const char32_t before = p2 > 0 ? utf8::prev(out, p2) : 0;
    if (before != 0 && !utf8::is_space(before)) {
      if (ascii_alnum(before) && ascii_alnum(right)) {
        std::size_t w = p;
        while (w > 0 && ascii_alnum(static_cast<unsigned char>(out[w - 1]))) --w;
        std::size_t e = 0;
        while (e < next.size() && ascii_alnum(static_cast<unsigned char>(next[e]))) ++e;
        std::string joined;
        for (std::size_t k = w; k < p; ++k) joined.push_back(lower(out[k]));
        for (std::size_t k = 0; k < e; ++k) joined.push_back(lower(next[k]));
        if (vocabulary_.count(joined)) {
          out.erase(p);
          doc_.furniture.push_back({"hyphen", "-", {line_no, line_no}});
        }
      }
      const std::size_t at = out.size();
      out += next;
      return at;
    }
  }
  const std::string_view tok = last_token(out);
  if (urlish_token(tok) && (left == '/' || left == '.' || left == '_' || left == '=' || left == '?' ||
                            left == '&' || left == '#')) {
    const std::string_view nt = next.substr(0, next.find(' '));
    if (ascii_alnum(right) && (nt.find('.') != std::string_view::npos || nt.find('/') != std::string_view::npos)) {
      const std::size_t at = out.size();
      out += next;
      return at;
    }
  }
  bool space = true;
  if (utf8::is_cjk(left) || utf8::is_cjk(right)) {
    space = digit_han_space_ && ((utf8::is_han(left) && ascii_alnum(right)) ||
                                 (ascii_alnum(left) && utf8::is_han(right)));
  }
  if (space) out.push_back(' ');
  const std::size_t at = out.size();
  out += next;
  return at;
}

void Builder::append(Unit& u, std::string_view piece, const Line& line, bool leading_marker_ok) {
  std::vector<std::pair<std::size_t, int>> found;
  const std::string cleaned = clean(piece, leading_marker_ok, found);
  const std::size_t at = join(u.text, cleaned, line.no);
  if (options_.segmented) u.source_lines.push_back({at, line.no});
  for (const auto& [off, n] : found) u.markers.push_back({n, std::min(at + off, u.text.size())});
  if (u.lines.first == 0) u.lines.first = line.no;
  u.lines.last = line.no;
}

Unit& Builder::open_unit(const Line& line, Zone zone) {
  units_.emplace_back();
  Unit& u = units_.back();
  u.zone = zone;
  u.lines = {line.no, line.no};
  return u;
}

void Builder::cut_units() {
  Zone zone = Zone::kBody;
  int open_body = -1, open_note = -1, last_note = 0;
  const Line* body_last = nullptr;  // the last text line of the open body unit (marker lines aside)
  const Line* note_last = nullptr;
  bool gap_empty = false, gap_ws = false, gap_page = false;

  for (const Line& c : lines_) {
    if (c.text.empty()) {
      (c.empty ? gap_empty : gap_ws) = true;
      continue;
    }
    if (c.furniture) {
      if (is_separator(c.text)) {
        zone = zone == Zone::kNotes ? zone : Zone::kSeparatorNotes;
        open_note = -1;
      } else {
        gap_page = true;
      }
      continue;
    }
    const bool gap_break = double_spaced_ ? gap_ws : (gap_empty || gap_ws);
    const bool page = gap_page;  // page furniture since the last line: a page-foot note cannot go on past it
    gap_empty = gap_ws = gap_page = false;

    // Notes: after a separator (page-foot notes) or under the notes heading.
    if (zone != Zone::kBody) {
      std::string_view label, rest;
      std::optional<int> number;
      const Label chapter = parse_label(c.text);
      const bool leaves_notes = zone == Zone::kNotes && (chapter.type == LabelType::kCjk ||
                                                         chapter.type == LabelType::kRoman ||
                                                         starts_with_word(c.text, section_words().annex));
      if (!leaves_notes && note_start(c, zone, last_note, &label, &number, &rest)) {
        Unit& u = open_unit(c, zone);
        u.preset = true;
        u.kind = BlockKind::kFootnote;
        u.label_text = std::string(label);
        u.number = number;
        if (number) last_note = *number;
        if (!rest.empty()) append(u, rest, c, false);
        open_note = static_cast<int>(units_.size()) - 1;
        note_last = &c;
        continue;
      }
      const bool continues = open_note >= 0 && !leaves_notes &&
                             (zone == Zone::kNotes ||
                              (!page && chapter.type == LabelType::kNone && !(note_last && hard_end(*note_last, &c))));
      if (continues) {
        append(units_[open_note], c.text, c, false);
        note_last = &c;
        continue;
      }
      if (zone == Zone::kSeparatorNotes || leaves_notes) {
        zone = Zone::kBody;
        open_note = -1;
      }
      if (zone == Zone::kNotes) {  // text under the notes heading that is not a note
        Unit& u = open_unit(c, zone);
        append(u, c.text, c, false);
        open_note = static_cast<int>(units_.size()) - 1;
        note_last = &c;
        continue;
      }
    }

    // The notes heading.
    if (is_word(c.text, section_words().notes) && (body_last == nullptr || break_before(c, body_last, gap_break))) {
      Unit& u = open_unit(c, Zone::kBody);
      u.preset = true;
      u.kind = BlockKind::kHeading;
      u.level = 1;
      u.text = std::string(c.text);
      zone = Zone::kNotes;
      last_note = 0;
      open_body = -1;
      body_last = nullptr;
      open_note = -1;
      continue;
    }

    // A footnote number on a line of its own, inside a paragraph.
    if (open_body >= 0) {
      if (const std::optional<int> m = own_line_marker(c)) {
        Unit& u = units_[open_body];
        u.markers.push_back({*m, u.text.size()});
        u.lines.last = c.no;
        last_marker_ = std::max(last_marker_, *m);
        continue;
      }
    }

    if (open_body >= 0 && !break_before(c, body_last, gap_break)) {
      append(units_[open_body], c.text, c, true);
      body_last = &c;
      continue;
    }

    Unit& u = open_unit(c, Zone::kBody);
    u.label = parse_label(c.text);
    std::string_view rest = c.text;
    if (u.label.type != LabelType::kNone) {
      u.label_text = std::string(u.label.text);
      rest = c.text.substr(u.label.rest);
    } else if (is_word(c.text, section_words().summary)) {
      u.summary_word = true;
    } else if (starts_with_word(c.text, section_words().annex)) {
      u.annex_word = true;
    }
    append(u, rest, c, false);
    open_body = static_cast<int>(units_.size()) - 1;
    body_last = &c;
  }
}

void Builder::cut_segmented() {
  int open = -1;
  for (const Line& c : lines_) {
    if (c.text.empty()) continue;
    const Label lab = parse_label(c.text);
    bool start = open < 0 || lab.type != LabelType::kNone;
    if (!start) {
      const Unit& o = units_[open];
      // A sentence after a heading opens an (unnumbered) paragraph of its own.
      start = (o.label.type != LabelType::kNone && o.label.type != LabelType::kArabic &&
               o.label.type != LabelType::kParen && o.label.type != LabelType::kBullet) ||
              ((o.label.type != LabelType::kNone || o.summary_word) && o.source_lines.size() == 1 &&
               structure::heading_like(o.text));
    }
    if (start) {
      Unit& u = open_unit(c, Zone::kBody);
      u.label = lab;
      std::string_view rest = c.text;
      if (lab.type != LabelType::kNone) {
        u.label_text = std::string(lab.text);
        rest = c.text.substr(lab.rest);
      } else if (is_word(c.text, section_words().summary)) {
        u.summary_word = true;
      }
      append(u, rest, c, false);
      open = static_cast<int>(units_.size()) - 1;
    } else {
      append(units_[open], c.text, c, false);
    }
  }
}

// The numbered paragraphs: the best chain of units numbered n, n+1, n+2... in document order.
//
// Paragraph-like units weigh more than heading-like ones, so "1. 大会" (a heading) loses to "1. 本报告是根据…"
// (paragraph 1). Two things break a strict n-1 -> n chain in real text, and each used to cut the chain in two and
// leave the shorter part as list items:
//   * a list numbered 1, 2, 3... inside a paragraph: its item 3 follows paragraph 2 as well as the true paragraph 3
//     does. A run that restarts at 1 after the paragraphs have begun is a list; its members weigh less than
//     paragraphs, so the chain passes through them only where no paragraph carries the number;
//   * a paragraph missing from a translation, or one whose number was mistyped ("153 - ", "163 - ", "155 - "). A
//     link may skip up to kMaxMissing numbers at a price per number, and a further price when the units it steps
//     over are not as many as the numbers it skips: after 310, "312" and "312", the second continues the chain and
//     the first stands where 311 should be.
std::vector<char> Builder::numbered_chain() const {
  constexpr int kMaxMissing = 4;
  constexpr long kParagraphWeight = 3, kListWeight = 2, kHeadingWeight = 1;
  constexpr long kFreshStart = 2;     // a chain should start at 1
  constexpr long kMissingCost = 2;    // per number a link skips
  constexpr long kMismatchCost = 2;   // per unit more or fewer stepped over than numbers skipped (at most 3)
  constexpr std::size_t kRecent = 8;  // the latest units of one number a gap link looks back to

  const std::size_t n_units = units_.size();
  auto eligible = [&](const Unit& u) {
    return !u.preset && u.zone == Zone::kBody && u.label.type == LabelType::kArabic;
  };
  std::vector<char> heading(n_units, 0), in_list(n_units, 0);
  std::vector<std::size_t> counted(n_units + 1, 0);  // paragraph-like units outside lists before each unit
  {
    int run_last = 0;
    bool begun = false;
    for (std::size_t i = 0; i < n_units; ++i) {
      const Unit& u = units_[i];
      counted[i + 1] = counted[i];
      if (!eligible(u)) continue;
      heading[i] = structure::heading_like(u.text) ? 1 : 0;
      if (heading[i]) continue;
      const int n = u.label.value;
      if (run_last > 0 && n == run_last + 1) {
        in_list[i] = 1;
        run_last = n;
      } else if (n == 1 && begun) {
        in_list[i] = 1;
        run_last = 1;
      } else {
        run_last = 0;
      }
      begun = true;
      if (!in_list[i]) ++counted[i + 1];
    }
  }

  struct Best {
    long score = 0;
    std::size_t unit = 0;
  };
  std::unordered_map<int, Best> best;  // per number, the first unit with the highest score
  std::unordered_map<int, std::vector<std::size_t>> with_number;
  std::vector<long> score(n_units, -1);
  std::vector<std::ptrdiff_t> back(n_units, -1);
  std::ptrdiff_t top = -1;
  for (std::size_t i = 0; i < n_units; ++i) {
    const Unit& u = units_[i];
    if (!eligible(u)) continue;
    const int n = u.label.value;
    const long w = heading[i] ? kHeadingWeight : in_list[i] ? kListWeight : kParagraphWeight;
    // A chain may start anywhere, best at 1; one that starts at n > 1 is taken as a link from the document's start
    // skipping n-1 numbers, so of "2. ", "2. ", "3. " the second "2. " opens it (the first stands where 1 should be).
    long s = w;
    if (n > 1) {
      const long stepped = static_cast<long>(counted[i]);
      s -= kFreshStart + kMismatchCost * std::min<long>(3, std::labs(stepped - (n - 1)));
    }
    // The direct link: the best unit numbered n-1 (the first of equals), as a strict chain would take.
    if (const auto prev = best.find(n - 1); prev != best.end() && prev->second.score + w > s) {
      s = prev->second.score + w;
      back[i] = static_cast<std::ptrdiff_t>(prev->second.unit);
    }
    for (int missing = 1; missing <= kMaxMissing && n - 1 - missing >= 1; ++missing) {
      const auto it = with_number.find(n - 1 - missing);
      if (it == with_number.end()) continue;
      const std::vector<std::size_t>& cands = it->second;
      for (std::size_t k = cands.size() > kRecent ? cands.size() - kRecent : 0; k < cands.size(); ++k) {
        const std::size_t p = cands[k];
        const long stepped = static_cast<long>(counted[i] - counted[p + 1]);
        const long link =
            score[p] + w - kMissingCost * missing - kMismatchCost * std::min<long>(3, std::labs(stepped - missing));
        if (link > s) {
          s = link;
          back[i] = static_cast<std::ptrdiff_t>(p);
        }
      }
    }
    score[i] = s;
    with_number[n].push_back(i);
    if (const auto [it, fresh] = best.try_emplace(n, Best{s, i}); !fresh && s > it->second.score) it->second = {s, i};
    if (top < 0 || s > score[top]) top = static_cast<std::ptrdiff_t>(i);
  }
  std::vector<char> numbered(n_units, 0);
  for (std::ptrdiff_t i = top; i >= 0; i = back[i]) numbered[i] = 1;
  return numbered;
}

void Builder::classify() {
  const std::vector<char> numbered = numbered_chain();

  bool structure_started = false;  // a labelled unit or the summary heading has been seen
  bool in_summary = false;
  bool has_structure = false;
  for (const Unit& u : units_)
    if (u.label.type != LabelType::kNone || u.summary_word) has_structure = true;
  int last_roman = 0, last_letter = 0, context_level = 0;

  for (std::size_t i = 0; i < units_.size(); ++i) {
    Unit& u = units_[i];
    Block b;
    b.lines = u.lines;
    b.markers = std::move(u.markers);
    b.source_lines = std::move(u.source_lines);
    b.label = u.label_text;
    b.number = u.number;
    b.text = std::move(u.text);
    if (u.preset) {
      b.kind = u.kind;
      b.level = u.level;
      if (b.kind == BlockKind::kHeading) in_summary = false, structure_started = true;
    } else if (u.summary_word) {
      b.kind = BlockKind::kHeading;
      b.level = 1;
      in_summary = true;
      structure_started = true;
    } else if (u.label.type == LabelType::kNone) {
      const bool heading = u.annex_word || structure::heading_like(b.text);
      // The masthead and title are short lines without closing punctuation; the first block that holds sentences
      // (a resolution's "The General Assembly," and its preamble) ends them.
      if (!structure_started && has_structure && heading && !u.annex_word) {
        b.kind = BlockKind::kTitle;
      } else if (!structure_started && !heading) {
        structure_started = true;
        b.kind = BlockKind::kParagraph;
      } else if (heading) {
        b.kind = BlockKind::kHeading;
        b.level = u.annex_word ? 1 : std::min(4, context_level + 1);
        in_summary = false;
      } else {
        b.kind = in_summary ? BlockKind::kSummary : BlockKind::kParagraph;
      }
    } else {
      structure_started = true;
      in_summary = false;
      const LabelType t = u.label.type;
      if (t == LabelType::kArabic) {
        if (numbered[i]) {
          b.kind = BlockKind::kParagraph;
          b.number = u.label.value;
        } else if (structure::heading_like(b.text)) {
          b.kind = BlockKind::kHeading;
          b.level = 3;
        } else {
          b.kind = BlockKind::kItem;
        }
      } else if (t == LabelType::kBullet) {
        b.kind = BlockKind::kItem;
      } else if (t == LabelType::kParen) {
        if (structure::heading_like(b.text)) {
          b.kind = BlockKind::kHeading;
          b.level = 4;
        } else {
          b.kind = BlockKind::kItem;
        }
      } else {
        // Chapter (一. / I.) or section (A.): a one-letter Roman numeral may be a section letter ("C." after
        // "B."), decided by which sequence it continues.
        bool chapter = t == LabelType::kCjk || t == LabelType::kRoman;
        if (t == LabelType::kRoman && u.label.letter_value > 0) {
          const bool next_letter = u.label.letter_value == last_letter + 1;
          const bool next_roman = u.label.value == last_roman + 1;
          chapter = next_roman || !next_letter;
        }
        b.kind = BlockKind::kHeading;
        if (chapter) {
          b.level = 1;
          last_roman = u.label.value;
          last_letter = 0;
        } else {
          b.level = 2;
          last_letter = u.label.letter_value > 0 ? u.label.letter_value : u.label.value;
        }
      }
      if (b.kind == BlockKind::kHeading) context_level = std::min(b.level, 3);
    }
    if (b.kind == BlockKind::kHeading && b.level <= 3 && u.label.type != LabelType::kNone) context_level = b.level;
    doc_.blocks.push_back(std::move(b));
  }
}

Result<Document> Builder::run() {
  doc_.path = options_.path;
  doc_.language = options_.language;
  if (utf8::trim(input_).empty()) return Status(ErrorCode::kEmpty, "the text is empty", {options_.path});
  lines_ = split_lines(input_);
  find_symbol();
  collect_vocabulary();
  if (options_.segmented) {
    learn_habits();
    cut_segmented();
  } else {
    mark_furniture();
    learn_habits();
    prescan_notes();
    cut_units();
  }
  classify();
  return std::move(doc_);
}

}  // namespace

Result<Document> build_structure(std::string_view text, const StructureOptions& options) {
  if (!section_words_result()) return section_words_result().status();
  Builder builder(text, options);
  return builder.run();
}

}  // namespace paralign
