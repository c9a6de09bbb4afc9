// form.length-ratio: a target much shorter or much longer than its source, for the language pairs whose ratio was
// measured on published UN translations (corpora/data/length-ratio.tsv). A short source is not checked: the ratio
// of a six-character heading says nothing.
#include <fmt/format.h>

#include <set>

#include "qa/checks.hpp"
#include "util/utf8.hpp"

namespace paralign::qa {

std::size_t compare_length(std::string_view text) { return utf8::length(normalise_for_compare(text)); }

void check_length_ratio(const detail::QaCheckerImpl& impl, FindingSink& sink, std::vector<std::string>* notes) {
  if (!impl.enabled("form.length-ratio")) return;
  const QaInput& in = sink.input();
  if (in.languages.empty()) return;
  const std::string src = primary_language(in.languages[0]);
  std::set<std::string> unmeasured;
  for (std::size_t k = 1; k < in.languages.size(); ++k) {
    const std::string tgt = primary_language(in.languages[k]);
    auto it = impl.length_bounds.find({src, tgt});
    if (it == impl.length_bounds.end()) {
      if (src != tgt && unmeasured.insert(tgt).second)
        notes->push_back(fmt::format("length ratio of {}–{} was not checked: no bounds measured for the pair in "
                                     "length-ratio.tsv", in.languages[0], in.languages[k]));
      continue;
    }
    const LengthBounds& b = it->second;
    for (std::size_t u = 0; u < in.units.size(); ++u) {
      std::size_t ls = compare_length(sink.text(u, 0)), lt = compare_length(sink.text(u, k));
      if (ls < b.min_source_chars || lt == 0) continue;  // an empty target is form.empty's
      double ratio = static_cast<double>(lt) / static_cast<double>(ls);
      if (ratio >= b.low && ratio <= b.high) continue;
      sink.add("form.length-ratio", Severity::kWarning, u, k, {},
               fmt::format("the {} target is {} the source: {} characters for {} ({:.2f} per source character; "
                           "published {}–{} translations fall between {:.2f} and {:.2f})",
                           in.languages[k], ratio < b.low ? "much shorter than" : "much longer than", lt, ls, ratio,
                           src, tgt, b.low, b.high));
    }
  }
}

}  // namespace paralign::qa
