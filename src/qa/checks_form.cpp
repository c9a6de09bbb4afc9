// form.*: empty and untranslated targets, unbalanced brackets and quotes, stray spaces, footnote markers.
// Deliberately absent: an end-punctuation check. Chinese 。 against English . (and ？ against ?) is a difference of
// script, not an error, and a check that fires on every sentence teaches revisers to ignore the report.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "qa/checks.hpp"
#include "util/utf8.hpp"

namespace paralign::qa {

namespace {

// Text that a translator would translate: Chinese characters, or a word of three letters or more that is not a
// symbol or code (A/59/181, S/PV.4896, ISBN numbers stay the same in every language).
bool has_words(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size())
    if (utf8::is_han(utf8::next(s, pos))) return true;
  for (const Word& w : split_words(s)) {
    if (w.text.find_first_of("/0123456789") != std::string::npos) continue;
    if (utf8::length(w.text) >= 3) return true;
  }
  return false;
}

// Folds the bracket and quote forms that mean the same thing across scripts.
char32_t fold_bracket(char32_t cp) {
  switch (cp) {
    case U'（': case U'﹙': return '(';
    case U'）': case U'﹚': return ')';
    case U'［': case U'【': case U'〔': case U'〖': return '[';
    case U'］': case U'】': case U'〕': case U'〗': return ']';
    case U'｛': return '{';
    case U'｝': return '}';
    default: return cp;
  }
}

struct Pair {
  char32_t open, close;
  const char* name;
};
constexpr Pair kPairs[] = {
    {'(', ')', "parentheses"}, {'[', ']', "square brackets"}, {'{', '}', "braces"},
    {U'“', U'”', "double quotes"}, {U'«', U'»', "guillemets"}, {U'「', U'」', "corner brackets"},
    {U'『', U'』', "corner brackets"},
};

// The first unbalanced bracket of each kind in `s`: its byte offset, or npos when balanced.
struct Imbalance {
  const Pair* pair;
  std::size_t offset;
  std::size_t length;
};
std::vector<Imbalance> imbalances(std::string_view s) {
  std::vector<Imbalance> out;
  for (const Pair& p : kPairs) {
    std::vector<std::pair<std::size_t, std::size_t>> open;
    std::size_t pos = 0;
    bool bad = false;
    while (pos < s.size() && !bad) {
      std::size_t at = pos;
      char32_t cp = fold_bracket(utf8::next(s, pos));
      if (cp == p.open) {
        open.emplace_back(at, pos - at);
      } else if (cp == p.close) {
        if (open.empty()) {
          out.push_back({&p, at, pos - at});
          bad = true;
        } else {
          open.pop_back();
        }
      }
    }
    if (!bad && !open.empty()) out.push_back({&p, open.front().first, open.front().second});
  }
  // Straight double quotes pair with themselves.
  std::size_t count = 0, first = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '"' && count++ == 0) first = i;
  static constexpr Pair kStraight{'"', '"', "straight double quotes"};
  if (count % 2) out.push_back({&kStraight, first, 1});
  return out;
}

// Byte spans of runs of at least `min_run` Han characters (punctuation inside a run does not break it).
std::vector<std::pair<std::size_t, std::size_t>> han_runs(std::string_view s, std::size_t min_run) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t pos = 0, start = 0, end = 0, n = 0;
  while (pos < s.size()) {
    std::size_t at = pos;
    char32_t cp = utf8::next(s, pos);
    if (utf8::is_han(cp)) {
      if (n == 0) start = at;
      ++n;
      end = pos;
    } else if (!(utf8::is_cjk_punct(cp) && n > 0)) {
      if (n >= min_run) out.emplace_back(start, end - start);
      n = 0;
    }
  }
  if (n >= min_run) out.emplace_back(start, end - start);
  return out;
}

std::size_t leading_spaces(std::string_view s) {
  std::size_t pos = 0, last = 0;
  while (pos < s.size() && utf8::is_space(utf8::next(s, pos))) last = pos;
  return last;
}
std::size_t trailing_spaces(std::string_view s) {
  std::size_t pos = s.size(), n = 0;
  while (pos > 0) {
    std::size_t p = pos;
    if (!utf8::is_space(utf8::prev(s, p))) break;
    n += pos - p;
    pos = p;
  }
  return n;
}

}  // namespace

void check_form(const detail::QaCheckerImpl& impl, FindingSink& sink) {
  const QaInput& in = sink.input();
  std::vector<std::string> prim;
  for (const std::string& l : in.languages) prim.push_back(primary_language(l));
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    std::string_view src = sink.text(u, 0);
    bool src_empty = utf8::trim(src).empty();
    auto src_imbalance = imbalances(src);
    for (std::size_t k = 1; k < in.languages.size(); ++k) {
      std::string_view tgt = sink.text(u, k);
      const std::string& lang = in.languages[k];
      bool tgt_empty = utf8::trim(tgt).empty();
      if (src_empty && tgt_empty) continue;
      if (tgt_empty) {
        sink.add("form.empty", Severity::kError, u, k, {{in.languages[0], 0, src.size()}},
                 fmt::format("the {} target is empty while the source has text", lang));
        continue;
      }
      if (src_empty) {
        sink.add("form.empty", Severity::kWarning, u, k, {{lang, 0, tgt.size()}},
                 fmt::format("the source is empty while the {} target has text", lang));
        continue;
      }
      // Untranslated: the same text on both sides (when it has words: "A/59/181" alone stays as it is), or, in a
      // target written in another script, a run of Chinese characters left over.
      std::string ns = normalise_for_compare(src), nt = normalise_for_compare(tgt);
      if (ns == nt && has_words(ns) && prim[0] != prim[k]) {
        sink.add("form.untranslated", Severity::kError, u, k, {{lang, 0, tgt.size()}},
                 fmt::format("the {} target is identical to the source", lang));
      } else if (!is_unspaced_language(prim[k])) {
        auto runs = han_runs(tgt, impl.options.untranslated_run);
        if (!runs.empty()) {
          std::vector<QaSpan> spans;
          for (auto [o, l] : runs) spans.push_back({lang, o, l});
          sink.add("form.untranslated", Severity::kError, u, k, std::move(spans),
                   fmt::format("the {} target contains Chinese text left untranslated: “{}”", lang,
                               tgt.substr(runs[0].first, runs[0].second)));
        }
      }
      // Brackets and quotes: only a target imbalance the source does not share is reported, so a sentence the
      // segmenter cut inside a quotation is not blamed on the translator.
      for (const Imbalance& b : imbalances(tgt)) {
        bool shared = std::any_of(src_imbalance.begin(), src_imbalance.end(),
                                  [&](const Imbalance& s) { return s.pair->open == b.pair->open; });
        if (shared) continue;
        sink.add("form.brackets", Severity::kWarning, u, k, {{lang, b.offset, b.length}},
                 fmt::format("unbalanced {} in the {} target", b.pair->name, lang));
      }
      // Spaces: doubled spaces inside a spaced-language target, and leading/trailing space differences.
      if (!is_unspaced_language(prim[k])) {
        std::size_t d = tgt.find("  ");
        if (d != std::string_view::npos && d >= leading_spaces(tgt) && d + 2 < tgt.size() - trailing_spaces(tgt)) {
          sink.add("form.spaces", Severity::kInfo, u, k, {{lang, d, 2}},
                   fmt::format("double space in the {} target", lang));
        }
      }
      bool src_lead = leading_spaces(src) > 0, tgt_lead = leading_spaces(tgt) > 0;
      bool src_trail = trailing_spaces(src) > 0, tgt_trail = trailing_spaces(tgt) > 0;
      if (src_lead != tgt_lead || src_trail != tgt_trail) {
        sink.add("form.spaces", Severity::kInfo, u, k, {},
                 fmt::format("leading or trailing white space differs between the source and the {} target", lang));
      }
      // Footnote markers carried by the segments (from the read stage) must match as a multiset.
      const QaUnit& unit = in.units[u];
      if (k < unit.sides.size()) {
        std::vector<int> a = unit.sides[0].footnotes, b = unit.sides[k].footnotes;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        if (a != b) {
          auto list = [](const std::vector<int>& v) { return v.empty() ? std::string("none") : fmt::format("{}", fmt::join(v, ", ")); };
          sink.add("structure.footnote", Severity::kWarning, u, k, {},
                   fmt::format("footnote markers differ: source {}, {} target {}", list(a), lang, list(b)));
        }
      }
    }
  }
}

}  // namespace paralign::qa
