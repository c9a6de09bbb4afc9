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

#if __has_include("paralign/numbers.hpp")
#include "paralign/numbers.hpp"
#include "paralign/references.hpp"
#define PARALIGN_QA_HAS_VALUES 1
#endif

namespace paralign::qa {

#ifdef PARALIGN_QA_HAS_VALUES
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

// A date in one language can be written as its parts in the other ("2004年" + "7月" vs "July 2004"): an unpaired
// date whose key's year (and month) are covered by leftovers on the other side is not reported.
bool date_covered(const Item& d, const std::vector<Item>& other) {
  if (d.key.size() < 4) return false;
  std::string year = d.key.substr(0, 4);
  return std::any_of(other.begin(), other.end(), [&](const Item& o) { return o.key.rfind(year, 0) == 0 && o.key != d.key; });
}

void compare(FindingSink& sink, std::size_t u, std::size_t k, const std::string& src_lang, const std::string& tgt_lang,
             std::vector<Item> s, std::vector<Item> t, const char* family_number, const char* family_date,
             const char* what) {
  cancel(s, t);
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
      if (x.date && (date_covered(x, t) || date_covered(t[match], s))) continue;
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
#endif

void check_values(const detail::QaCheckerImpl& impl, FindingSink& sink, std::vector<std::string>* notes) {
#ifdef PARALIGN_QA_HAS_VALUES
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
#else
  notes->push_back("numbers, dates and references were not checked: this build has no number reader");
#endif
}

}  // namespace paralign::qa
