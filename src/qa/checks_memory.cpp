// consistency.* and structure.*: checks over the whole memory rather than one unit.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <unordered_map>

#include "qa/checks.hpp"
#include "util/utf8.hpp"

namespace paralign::qa {

namespace {

// Segments worth comparing for consistency: they hold words (Han characters or at least two letters), so a bare
// number, symbol or label that is rightly the same everywhere does not group unrelated units.
bool comparable(std::string_view s) {
  std::size_t pos = 0, letters = 0;
  while (pos < s.size()) {
    char32_t cp = utf8::next(s, pos);
    if (utf8::is_han(cp)) return true;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && !utf8::is_space(cp))) ++letters;
  }
  return letters >= 2;
}

// For each group of units sharing the key side, the units whose other side differs from the group's commonest.
void report_variants(FindingSink& sink, std::size_t k, bool by_source, const char* check) {
  const QaInput& in = sink.input();
  std::size_t key_lang = by_source ? 0 : k, other_lang = by_source ? k : 0;
  std::unordered_map<std::string, std::vector<std::size_t>> groups;
  std::vector<std::string> order;
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    std::string_view key = sink.text(u, key_lang), other = sink.text(u, other_lang);
    if (key.empty() || other.empty() || !comparable(key)) continue;
    auto [it, fresh] = groups.try_emplace(normalise_for_compare(key));
    if (fresh) order.push_back(it->first);
    it->second.push_back(u);
  }
  for (const std::string& key : order) {
    const std::vector<std::size_t>& units = groups[key];
    if (units.size() < 2) continue;
    std::map<std::string, std::vector<std::size_t>> variants;
    std::vector<std::string> first_seen;
    for (std::size_t u : units) {
      auto [it, fresh] = variants.try_emplace(normalise_for_compare(sink.text(u, other_lang)));
      if (fresh) first_seen.push_back(it->first);
      it->second.push_back(u);
    }
    if (variants.size() < 2) continue;
    // The commonest rendering (the earliest on a tie) is taken as the reference; the others are reported.
    std::string common = first_seen.front();
    for (const std::string& v : first_seen)
      if (variants[v].size() > variants[common].size()) common = v;
    for (const std::string& v : first_seen) {
      if (v == common) continue;
      for (std::size_t u : variants[v]) {
        std::string_view other = sink.text(u, other_lang);
        sink.add(check, Severity::kWarning, u, k, {{in.languages[other_lang], 0, other.size()}},
                 by_source
                     ? fmt::format("the same source is translated differently elsewhere: unit {} has “{}”",
                                   variants[common].front(), common)
                     : fmt::format("the same {} target translates a different source elsewhere: unit {} has “{}”",
                                   in.languages[k], variants[common].front(), common));
      }
    }
  }
}

std::optional<int> paragraph_number(std::string_view label) {
  std::string s = utf8::fold_width(utf8::trim(label));
  while (!s.empty() && (s.back() == '.' || s.back() == ')')) s.pop_back();
  int n = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || p != s.data() + s.size() || n <= 0) return std::nullopt;
  return n;
}

}  // namespace

void check_consistency(const detail::QaCheckerImpl& impl, FindingSink& sink) {
  for (std::size_t k = 1; k < sink.input().languages.size(); ++k) {
    report_variants(sink, k, true, "consistency.source");
    report_variants(sink, k, false, "consistency.target");
  }
}

void check_structure(const detail::QaCheckerImpl& impl, FindingSink& sink) {
  const QaInput& in = sink.input();
  // Per language: the numbered paragraphs in memory order, with the unit that opens each.
  std::vector<std::vector<std::pair<int, std::size_t>>> seq(in.languages.size());
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    const QaUnit& unit = in.units[u];
    for (std::size_t k = 0; k < in.languages.size() && k < unit.sides.size(); ++k)
      if (auto n = paragraph_number(unit.sides[k].paragraph)) seq[k].emplace_back(*n, u);
  }
  // Missing on one side: numbers that only one of (source, target) has.
  std::map<int, std::size_t> src_first;
  for (auto [n, u] : seq[0]) src_first.emplace(n, u);
  for (std::size_t k = 1; k < in.languages.size(); ++k) {
    if (seq[0].empty() && seq[k].empty()) continue;
    std::map<int, std::size_t> tgt_first;
    for (auto [n, u] : seq[k]) tgt_first.emplace(n, u);
    for (auto [n, u] : src_first) {
      if (!tgt_first.count(n))
        sink.add("structure.paragraph-missing", Severity::kError, u, k, {},
                 fmt::format("paragraph {} of the source has no paragraph {} in the {} version", n, n, in.languages[k]));
    }
    for (auto [n, u] : tgt_first) {
      if (!src_first.count(n))
        sink.add("structure.paragraph-missing", Severity::kError, u, k, {},
                 fmt::format("paragraph {} of the {} version has no paragraph {} in the source", n, in.languages[k], n));
    }
  }
  // Duplicated or out of order, per language.
  for (std::size_t k = 0; k < in.languages.size(); ++k) {
    std::map<int, std::size_t> seen;
    int prev = 0;
    for (auto [n, u] : seq[k]) {
      if (auto it = seen.find(n); it != seen.end()) {
        sink.add("structure.paragraph-duplicate", Severity::kError, u, k, {},
                 fmt::format("paragraph {} of the {} version appears twice (first in unit {})", n, in.languages[k],
                             it->second));
        continue;
      }
      seen.emplace(n, u);
      // In a translation, a gap is already a structure.paragraph-missing finding; only a step back is reported.
      if (n < prev || (k == 0 && prev > 0 && n != prev + 1)) {
        sink.add("structure.paragraph-order", Severity::kWarning, u, k, {},
                 n < prev ? fmt::format("paragraph {} of the {} version comes after paragraph {}", n, in.languages[k], prev)
                          : fmt::format("the {} version jumps from paragraph {} to paragraph {}", in.languages[k], prev, n));
      }
      prev = std::max(prev, n);
    }
  }
}

}  // namespace paralign::qa
