// number.*, date.*, reference.*: figures, dates and references compared as values, not as strings.
//
// Both sides are read with find_references() and find_quantities(), which give each item a key equal across
// languages (六十二, ６２ and 62 all have key "62"; 2004 年 7 月 15 日 and 15 July 2004 both "2004-07-15"). The keys of
// the two sides are compared as multisets, then what is left is paired once more by the ways a faithful
// translation writes one value differently:
//   - a range on one side, its two ends on the other (2006年11月至2007年6月 ↔ "between November 2006 and June 2007");
//   - a date that leaves out a part the other side gives, with no part in conflict ("3 to 5 February" at the start
//     of a sentence that names the year once, against 2015年2月3日至5日);
//   - a resolution number given with its year on one side and without it, or with the year as a figure of its
//     own, on the other (第2118(2013)号决议 ↔
//     "resolution 2118");
//   - a section number written 2.1 on one side and 2-1 on the other (two numbers, 2 and 1);
//   - a number whose full stop one side reads as a decimal point and the other as a thousands separator (Law No.
//     18.561 ↔ 第18561号: the same digits);
//   - a fraction on one side and the same share as a percentage on the other (四分之三 ↔ 75%);
//   - a figure mentioned twice on one side and once, then by a pronoun, on the other.
// What is still left is a finding, unless it is soft (numbers.hpp: 两 for "both", "five-year", a footnote marker),
// which a translation may legitimately render without a figure. None of these pairings accepts two different
// values: a changed digit, month or symbol is always left over and reported.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "qa/checks.hpp"

#include "paralign/numbers.hpp"
#include "paralign/references.hpp"

namespace paralign::qa {

namespace {

enum class Family { kReference, kNumber, kDate };

struct Item {
  std::string key;
  std::string text;
  std::size_t offset = 0, length = 0;
  Family family = Family::kNumber;
  bool soft = false;
  bool done = false;  // paired with an item of the other side
};

// Year, month and day of a date key ("2004-07-15", "2004-07", "--07-15", "2004"); 0 for a part not given.
struct DateParts {
  int y = 0, m = 0, d = 0;
};

std::optional<DateParts> date_parts(std::string_view key) {
  DateParts p;
  auto num = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (i >= key.size() || key[i] < '0' || key[i] > '9') return -1;
      v = v * 10 + (key[i] - '0');
    }
    return v;
  };
  if (key.size() == 4 && key.substr(0, 2) == "--") {
    p.m = num(2, 2);  // a month alone
  } else if (key.size() == 7 && key.substr(0, 2) == "--" && key[4] == '-') {
    p.m = num(2, 2);
    p.d = num(5, 2);
  } else if (key.size() >= 7 && key[4] == '-') {
    p.y = num(0, 4);
    p.m = num(5, 2);
    if (key.size() == 10 && key[7] == '-') p.d = num(8, 2);
    else if (key.size() != 7) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (p.y < 0 || p.m <= 0 || p.d < 0) return std::nullopt;
  return p;
}

// Two dates that name the same day as far as both go: the same month, and year and day equal where both give one.
bool same_date(std::string_view a, std::string_view b) {
  const auto p = date_parts(a), q = date_parts(b);
  if (!p || !q || p->m != q->m) return false;
  if ((!p->y && !p->d) || (!q->y && !q->d)) return true;  // a month alone (soft) agrees with any date in it
  if (p->y && q->y && p->y != q->y) return false;
  if (p->d && q->d && p->d != q->d) return false;
  return (p->y && q->y) || (p->d && q->d);  // at least one more part in common than the month
}

// Dates and ranges of dates that agree part by part (see same_date); a range needs both ends to agree.
bool compatible_dates(std::string_view a, std::string_view b) {
  const std::size_t sa = a.find('/'), sb = b.find('/');
  if ((sa == std::string_view::npos) != (sb == std::string_view::npos)) return false;
  if (sa == std::string_view::npos) return same_date(a, b);
  return same_date(a.substr(0, sa), b.substr(0, sb)) && same_date(a.substr(sa + 1), b.substr(sb + 1));
}

// "res:2118(2013)" against "res:2118" or the bare number "2118": the same resolution, its year left out.
bool resolution_without_year(std::string_view with_year, std::string_view other) {
  if (with_year.rfind("res:", 0) != 0 && with_year.rfind("dec:", 0) != 0) return false;
  const std::size_t paren = with_year.find('(');
  if (paren == std::string_view::npos) return false;
  const std::string_view number = with_year.substr(4, paren - 4);
  return other == number || (other.size() > 4 && other.substr(0, 4) == with_year.substr(0, 4) &&
                             other.substr(4) == number);
}

using Items = std::vector<Item>;

// A fraction key ("2/3") against a percentage key ("67%"): the same share to within one point (四分之三 ↔ 75%,
// 三分之二 ↔ "66 per cent").
bool fraction_as_percent(std::string_view fraction, std::string_view percent) {
  const std::size_t slash = fraction.find('/');
  if (slash == std::string_view::npos || percent.empty() || percent.back() != '%') return false;
  const double n = std::strtod(std::string(fraction.substr(0, slash)).c_str(), nullptr);
  const double d = std::strtod(std::string(fraction.substr(slash + 1)).c_str(), nullptr);
  const double p = std::strtod(std::string(percent.substr(0, percent.size() - 1)).c_str(), nullptr);
  return d > 0 && n > 0 && std::abs(100.0 * n / d - p) < 1.0;
}

// Pairs items of `a` and `b` that `match` accepts, first come first served; both sides are marked done.
template <typename Match>
void pair_up(Items& a, Items& b, Match match) {
  for (Item& x : a) {
    if (x.done) continue;
    for (Item& y : b) {
      if (!y.done && match(x, y)) {
        x.done = y.done = true;
        break;
      }
    }
  }
}

// A range on one side written as its two ends on the other ("entre le 1er janvier et le 31 décembre 1994": the
// first end may leave out the year the second gives).
void pair_ranges(Items& a, Items& b) {
  auto end_matches = [](const std::string& end, const Item& x) {
    return !x.done && (x.key == end || (x.family == Family::kDate && compatible_dates(end, x.key)));
  };
  for (Item& r : a) {
    if (r.done || r.family != Family::kDate) continue;
    const std::size_t slash = r.key.find('/');
    if (slash == std::string::npos) continue;
    const std::string first = r.key.substr(0, slash), second = r.key.substr(slash + 1);
    auto f = std::find_if(b.begin(), b.end(), [&](const Item& x) { return end_matches(first, x); });
    if (f == b.end()) continue;
    auto g = std::find_if(b.begin(), b.end(), [&](const Item& x) { return &x != &*f && end_matches(second, x); });
    if (g == b.end()) continue;
    r.done = f->done = g->done = true;
  }
}

// A number with a fraction ("2.1", "10.103") on one side and its two parts as numbers on the other (2-1).
void pair_split_sections(Items& a, Items& b) {
  for (Item& s : a) {
    if (s.done || s.family != Family::kNumber) continue;
    const std::size_t dot = s.key.find('.');
    if (dot == std::string::npos || s.key.find('%') != std::string::npos) continue;
    const std::string whole = s.key.substr(0, dot);
    // The part as written: "7,10" has the key 7.1 but stands for items 7 and 10.
    const std::size_t sep = s.text.find_last_of(".,");
    const std::string part = sep != std::string::npos && s.text.substr(sep + 1).find_first_not_of("0123456789") ==
                                                             std::string::npos
                                 ? s.text.substr(sep + 1)
                                 : s.key.substr(dot + 1);
    auto f = std::find_if(b.begin(), b.end(), [&](const Item& x) { return !x.done && x.key == whole; });
    if (f == b.end()) continue;
    auto g = std::find_if(b.begin(), b.end(), [&](const Item& x) {
      return !x.done && &x != &*f && x.offset > f->offset && x.key == part;
    });
    if (g == b.end()) continue;
    s.done = f->done = g->done = true;
  }
}

// A resolution given with its year on one side (第1325(2000)号决议) and as two figures on the other ("1325 (2000)"
// where the reference reader did not see a resolution): the number pairs by resolution_without_year, and the year
// after it is the resolution's year, not a figure of its own.
void pair_resolutions(Items& a, Items& b) {
  for (Item& r : a) {
    if (r.done) continue;
    auto y = std::find_if(b.begin(), b.end(), [&](const Item& x) { return !x.done && resolution_without_year(r.key, x.key); });
    if (y == b.end()) continue;
    r.done = y->done = true;
    const std::size_t open = r.key.find('('), close = r.key.find(')');
    if (open == std::string::npos || close == std::string::npos || close < open) continue;
    const std::string year = r.key.substr(open + 1, close - open - 1);
    auto z = std::find_if(b.begin(), b.end(), [&](const Item& x) {
      return !x.done && x.key == year && x.offset > y->offset && x.offset - (y->offset + y->length) <= 3;
    });
    if (z != b.end()) z->done = true;
  }
}

// Leaves the items that found no counterpart on the other side by any of the pairings above.
void pair_all(Items& s, Items& t) {
  pair_up(s, t, [](const Item& x, const Item& y) { return x.key == y.key; });
  pair_ranges(s, t);
  pair_ranges(t, s);
  pair_up(s, t, [](const Item& x, const Item& y) {
    return x.family == Family::kDate && y.family == Family::kDate && compatible_dates(x.key, y.key);
  });
  pair_resolutions(s, t);
  pair_resolutions(t, s);
  // Law No. 18.561 against 第18561号: the same digits, the full stop read as a decimal point on one side and as a
  // thousands separator on the other (fr, es and ru group with a full stop in some copies).
  pair_up(s, t, [](const Item& x, const Item& y) {
    auto grouped_as_decimal = [](const std::string& dotted, const std::string& plain) {
      const std::size_t dot = dotted.find('.');
      if (dot == std::string::npos || dotted.size() - dot - 1 != 3 || plain.find('.') != std::string::npos) return false;
      return dotted.substr(0, dot) + dotted.substr(dot + 1) == plain;
    };
    return x.family == Family::kNumber && y.family == Family::kNumber &&
           (grouped_as_decimal(x.key, y.key) || grouped_as_decimal(y.key, x.key));
  });
  pair_up(s, t, [](const Item& x, const Item& y) {
    return fraction_as_percent(x.key, y.key) || fraction_as_percent(y.key, x.key);
  });
  pair_split_sections(s, t);
  pair_split_sections(t, s);
  // A time on the hour against its hour as a number ("jusqu'à 18 heures" read as a time, 18小时 as a number).
  pair_up(s, t, [](const Item& x, const Item& y) {
    auto on_the_hour = [](const std::string& time, const std::string& number) {
      if (time.size() != 5 || time[2] != ':' || time.substr(3) != "00") return false;
      const std::string hour = time[0] == '0' ? time.substr(1, 1) : time.substr(0, 2);
      return number == hour;
    };
    return on_the_hour(x.key, y.key) || on_the_hour(y.key, x.key);
  });
  // The same value with and without its per-cent sign ("4.5个百分点" against "4.5 points"): the figure is right.
  pair_up(s, t, [](const Item& x, const Item& y) {
    return x.family == Family::kNumber && y.family == Family::kNumber &&
           (x.key + "%" == y.key || y.key + "%" == x.key);
  });
  // Said twice on one side, once (then by a pronoun) on the other: the key is there, so nothing is missing.
  // A year counts as mentioned when it is the year of a date on the other side ("in 2015 … September 2015"
  // against 2015年9月).
  auto mentioned = [](const Items& other, const std::string& key) {
    const bool year = key.size() == 4 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
    return std::any_of(other.begin(), other.end(), [&](const Item& y) {
      return y.key == key || (year && y.family == Family::kDate &&
                              (y.key.rfind(key + "-", 0) == 0 || y.key.find("/" + key + "-") != std::string::npos));
    });
  };
  for (Item& x : s)
    if (!x.done && mentioned(t, x.key)) x.done = true;
  for (Item& y : t)
    if (!y.done && mentioned(s, y.key)) y.done = true;
}

const char* family_name(Family f) {
  switch (f) {
    case Family::kReference: return "reference";
    case Family::kDate: return "date";
    case Family::kNumber: return "number";
  }
  return "number";
}

void report(FindingSink& sink, std::size_t u, std::size_t k, const std::string& src_lang, const std::string& tgt_lang,
            Items& s, Items& t) {
  pair_all(s, t);
  auto left = [](const Items& v) {
    std::vector<const Item*> out;
    for (const Item& x : v)
      if (!x.done && !x.soft) out.push_back(&x);
    return out;
  };
  const std::vector<const Item*> ls = left(s), lt = left(t);
  // Leftovers of one family on both sides are a changed value; the rest are missing (source only) or extra.
  std::vector<bool> t_used(lt.size(), false);
  for (const Item* x : ls) {
    const char* family = family_name(x->family);
    const char* what = x->family == Family::kReference ? "reference" : "figure";
    std::size_t match = lt.size();
    for (std::size_t j = 0; j < lt.size(); ++j) {
      if (!t_used[j] && lt[j]->family == x->family) {
        match = j;
        break;
      }
    }
    if (match < lt.size()) {
      t_used[match] = true;
      sink.add(fmt::format("{}.mismatch", family), Severity::kError, u, k,
               {{src_lang, x->offset, x->length}, {tgt_lang, lt[match]->offset, lt[match]->length}},
               fmt::format("{} “{}” in the source became “{}” in the {} target", what, x->text, lt[match]->text,
                           tgt_lang));
    } else {
      sink.add(fmt::format("{}.missing", family), Severity::kError, u, k, {{src_lang, x->offset, x->length}},
               fmt::format("{} “{}” ({}) in the source is not in the {} target", what, x->text, x->key, tgt_lang));
    }
  }
  for (std::size_t j = 0; j < lt.size(); ++j) {
    if (t_used[j]) continue;
    const Item* y = lt[j];
    sink.add(fmt::format("{}.extra", family_name(y->family)), Severity::kWarning, u, k,
             {{tgt_lang, y->offset, y->length}},
             fmt::format("{} “{}” ({}) in the {} target is not in the source",
                         y->family == Family::kReference ? "reference" : "figure", y->text, y->key, tgt_lang));
  }
}

}  // namespace

void check_values(const detail::QaCheckerImpl& impl, FindingSink& sink, std::vector<std::string>* notes) {
  if (!impl.enabled("number") && !impl.enabled("date") && !impl.enabled("reference")) return;
  const auto& rf = default_reference_finder();
  const auto& qf = default_quantity_finder();
  if (!rf.ok() || !qf.ok()) {
    notes->push_back("numbers, dates and references were not checked: " +
                     (rf.ok() ? qf.status() : rf.status()).to_string());
    return;
  }
  const QaInput& in = sink.input();
  std::vector<std::string> prim;
  for (const std::string& l : in.languages) prim.push_back(primary_language(l));
  auto read = [&](std::string_view text, const std::string& lang) {
    Items items;
    std::vector<Reference> refs = rf->find(text);
    for (const Reference& x : refs) items.push_back({x.key, x.text, x.offset, x.length, Family::kReference});
    for (const Quantity& q : qf->find(text, lang, spans_of(refs))) {
      const bool date = q.kind == QuantityKind::kDate || q.kind == QuantityKind::kRange || q.kind == QuantityKind::kTime;
      items.push_back({q.key, q.text, q.offset, q.length, date ? Family::kDate : Family::kNumber, q.soft});
    }
    return items;
  };
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    std::string_view src = sink.text(u, 0);
    if (src.empty()) continue;
    const Items s = read(src, prim[0]);
    for (std::size_t k = 1; k < in.languages.size(); ++k) {
      std::string_view tgt = sink.text(u, k);
      if (tgt.empty()) continue;  // form.empty says it already
      Items sk = s, t = read(tgt, prim[k]);
      report(sink, u, k, in.languages[0], in.languages[k], sk, t);
    }
  }
}

}  // namespace paralign::qa
