// consistency.term-renderings, consistency.shared-rendering, consistency.source-variants: what the glossary-free
// term discovery (term_discovery.cpp) found, turned into findings a reviser can act on.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <tuple>

#include "qa/checks.hpp"

namespace paralign::qa {

namespace {

// "3, 5, 9" or "3, 5, 9, … (12 in all)": unit indices for a message.
std::string unit_list(const std::vector<std::size_t>& units) {
  constexpr std::size_t kShown = 6;
  std::vector<std::size_t> head(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(std::min(kShown, units.size())));
  std::string s = fmt::format("{}", fmt::join(head, ", "));
  if (units.size() > kShown) s += fmt::format(", … ({} in all)", units.size());
  return s;
}

// Byte spans of `needle` in `text`, compared case-insensitively (folding must keep the length for a span).
std::vector<std::pair<std::size_t, std::size_t>> find_all(std::string_view text, const std::string& needle) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (needle.empty()) return out;
  std::string hay = fold_case(text), n = fold_case(needle);
  if (hay.size() != text.size()) return out;
  for (std::size_t p = hay.find(n); p != std::string::npos; p = hay.find(n, p + n.size())) out.emplace_back(p, n.size());
  return out;
}

void add_spans(std::vector<QaSpan>& spans, const std::string& lang, std::string_view text, const std::string& term) {
  for (auto [o, l] : find_all(text, term)) spans.push_back({lang, o, l});
}

}  // namespace

void check_discovered_terms(const detail::QaCheckerImpl& impl, FindingSink& sink) {
  if (!impl.discoverer) return;
  const QaInput& in = sink.input();
  TermDiscovery d = impl.discoverer->discover(in);
  const std::string& src_lang = in.languages[0];
  // Terms come longest first; a shorter term inside a longer one (约国 in 缔约国) that was reported on the same unit
  // with the same rendering is the same finding.
  std::vector<std::tuple<std::size_t, std::size_t, std::string, std::string>> reported;
  for (const DiscoveredTerm& t : d.terms) {
    if (t.renderings.size() < 2) continue;
    const std::string& lang = in.languages[t.language];
    std::vector<std::string> parts;
    for (const TermRendering& r : t.renderings) parts.push_back(fmt::format("“{}” in {} units", r.text, r.units.size()));
    for (std::size_t i = 1; i < t.renderings.size(); ++i) {
      const TermRendering& r = t.renderings[i];
      for (std::size_t u : r.units) {
        bool seen = std::any_of(reported.begin(), reported.end(), [&](const auto& x) {
          return std::get<0>(x) == u && std::get<1>(x) == t.language && std::get<3>(x) == r.text &&
                 std::get<2>(x).find(t.source) != std::string::npos;
        });
        if (seen) continue;
        reported.emplace_back(u, t.language, t.source, r.text);
        std::vector<QaSpan> spans;
        add_spans(spans, src_lang, sink.text(u, 0), t.source);
        add_spans(spans, lang, sink.text(u, t.language), r.text);
        sink.add("consistency.term-renderings", Severity::kWarning, u, t.language, std::move(spans),
                 fmt::format("“{}” is rendered in {} ways in the {} target: {}; here “{}” (the commonest, “{}”, is "
                             "in units {})",
                             t.source, t.renderings.size(), lang, fmt::join(parts, ", "), r.text,
                             t.renderings[0].text, unit_list(t.renderings[0].units)));
      }
    }
  }
  for (const SharedRendering& s : d.shared) {
    const std::string& lang = in.languages[s.language];
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < s.sources.size(); ++i)
      parts.push_back(fmt::format("“{}” (units {})", s.sources[i], unit_list(s.units[i])));
    // Reported once, on the first unit of the less common source term.
    std::size_t u = s.units.back().front();
    std::vector<QaSpan> spans;
    add_spans(spans, src_lang, sink.text(u, 0), s.sources.back());
    add_spans(spans, lang, sink.text(u, s.language), s.rendering);
    sink.add("consistency.shared-rendering", Severity::kInfo, u, s.language, std::move(spans),
             fmt::format("“{}” in the {} target renders {} source terms: {}; one term under two names, or two "
                         "terms that need two renderings?",
                         s.rendering, lang, s.sources.size(), fmt::join(parts, ", ")));
  }
  for (const SourceVariant& v : d.variants) {
    std::size_t u = v.second_units.front();
    std::vector<QaSpan> spans;
    add_spans(spans, src_lang, sink.text(u, 0), v.second);
    add_spans(spans, src_lang, sink.text(u, 0), v.first);
    sink.add("consistency.source-variants", Severity::kWarning, u, 0, std::move(spans),
             fmt::format("“{}” (units {}) and “{}” (units {}) are used in the same places ({}; {} neighbours in "
                         "common): two names for one thing? Choose one",
                         v.first, unit_list(v.first_units), v.second, unit_list(v.second_units),
                         fmt::join(v.frames, ", "), v.shared_contexts));
  }
}

}  // namespace paralign::qa
