// number.*, date.*, reference.*: figures, dates and references compared as values, not as strings.
//
// Both sides are read with find_references() and find_quantities(), which give each item a key equal across
// languages (六十二, ６２ and 62 all have key "62"; 2004 年 7 月 15 日 and 15 July 2004 both "2004-07-15"). The keys of
// the two sides are compared as multisets; what is left over on the source side is missing in the target, and a
// leftover on each side is a changed value. Numbers under ten that UN English writes as words are read as numbers on
// both sides (三 ↔ three), and paragraph labels are not quantities at all, so neither raises a false alarm.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "qa/checks.hpp"

#include "paralign/numbers.hpp"
#include "paralign/references.hpp"

namespace paralign::qa {

namespace {

struct Item {
  std::string key;
  std::string text;
  std::size_t offset, length;
  bool date;  // a date or a range of dates (checked as date.*)
};

// Removes from `a` and `b` the items whose keys pair up; what is left did not find a counterpart.
void cancel(std::vector<Item>& a, std::vector<Item>& b) {
  std::vector<bool> used(b.size(), false);
  std::vector<Item> rest_a;
  for (Item& x : a) {
    bool found = false;
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (!used[j] && b[j].key == x.key) {
        used[j] = true;
        found = true;
        break;
      }
    }
    if (!found) rest_a.push_back(std::move(x));
  }
  std::vector<Item> rest_b;
  for (std::size_t j = 0; j < b.size(); ++j)
    if (!used[j]) rest_b.push_back(std::move(b[j]));
  a = std::move(rest_a);
  b = std::move(rest_b);
}

// A range on one side ("2006年11月至2007年6月", key 2006-11/2007-06) written as its two ends on the other ("between
// November 2006 and June 2007"): the range and both ends cancel.
void cancel_ranges(std::vector<Item>& a, std::vector<Item>& b) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::size_t slash = a[i].key.find('/');
    if (slash == std::string::npos) continue;
    std::string first = a[i].key.substr(0, slash), second = a[i].key.substr(slash + 1);
    auto f = std::find_if(b.begin(), b.end(), [&](const Item& x) { return x.key == first; });
    auto g = std::find_if(b.begin(), b.end(), [&](const Item& x) { return x.key == second; });
    if (f == b.end() || g == b.end() || f == g) continue;
    std::size_t fi = f - b.begin(), gi = g - b.begin();
    b.erase(b.begin() + std::max(fi, gi));
    b.erase(b.begin() + std::min(fi, gi));
    a.erase(a.begin() + i);
    --i;
  }
}

void compare(FindingSink& sink, std::size_t u, std::size_t k, const std::string& src_lang, const std::string& tgt_lang,
             std::vector<Item> s, std::vector<Item> t, const char* family_number, const char* family_date,
             const char* what) {
  cancel(s, t);
  cancel_ranges(s, t);
  cancel_ranges(t, s);
  if (s.empty() && t.empty()) return;
  // Pair leftovers of the same kind (date with date, number with number) as changed values; the rest are missing
  // (source only) or extra (target only).
  std::vector<bool> t_used(t.size(), false);
  for (const Item& x : s) {
    const char* family = x.date ? family_date : family_number;
    std::size_t match = t.size();
    for (std::size_t j = 0; j < t.size(); ++j) {
      if (!t_used[j] && t[j].date == x.date) {
        match = j;
        break;
      }
    }
    if (match < t.size()) {
      t_used[match] = true;
      sink.add(fmt::format("{}.mismatch", family), Severity::kError, u, k,
               {{src_lang, x.offset, x.length}, {tgt_lang, t[match].offset, t[match].length}},
               fmt::format("{} “{}” in the source became “{}” in the {} target", what, x.text, t[match].text, tgt_lang));
    } else {
      sink.add(fmt::format("{}.missing", family), Severity::kError, u, k, {{src_lang, x.offset, x.length}},
               fmt::format("{} “{}” ({}) in the source is not in the {} target", what, x.text, x.key, tgt_lang));
    }
  }
  for (std::size_t j = 0; j < t.size(); ++j) {
    if (t_used[j]) continue;
    const char* family = t[j].date ? family_date : family_number;
    sink.add(fmt::format("{}.extra", family), Severity::kWarning, u, k, {{tgt_lang, t[j].offset, t[j].length}},
             fmt::format("{} “{}” ({}) in the {} target is not in the source", what, t[j].text, t[j].key, tgt_lang));
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
  struct Read {
    std::vector<Item> refs, quantities;
  };
  auto read = [&](std::string_view text, const std::string& lang) {
    Read r;
    std::vector<Reference> refs = rf->find(text);
    for (const Reference& x : refs) r.refs.push_back({x.key, x.text, x.offset, x.length, false});
    for (const Quantity& q : qf->find(text, lang, spans_of(refs))) {
      bool date = q.kind == QuantityKind::kDate || q.kind == QuantityKind::kRange;
      r.quantities.push_back({q.key, q.text, q.offset, q.length, date});
    }
    return r;
  };
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    std::string_view src = sink.text(u, 0);
    if (src.empty()) continue;
    Read s = read(src, prim[0]);
    for (std::size_t k = 1; k < in.languages.size(); ++k) {
      std::string_view tgt = sink.text(u, k);
      if (tgt.empty()) continue;  // form.empty says it already
      Read t = read(tgt, prim[k]);
      compare(sink, u, k, in.languages[0], in.languages[k], s.refs, t.refs, "reference", "reference", "reference");
      compare(sink, u, k, in.languages[0], in.languages[k], s.quantities, t.quantities, "number", "date", "figure");
    }
  }
}

}  // namespace paralign::qa
