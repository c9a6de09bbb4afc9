#include "align/paragraph_scoring.hpp"

#include <algorithm>
#include <cmath>

#include "util/utf8.hpp"

namespace paralign::block_align {

namespace {

bool is_ref_char(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '/' || c == '.' ||
         c == '-' || c == ':' || c == ',' || c == '_' || c == '%';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string strip_punct(std::string t) {
  constexpr std::string_view kEdge = ".,-:/_";
  while (!t.empty() && kEdge.find(t.back()) != std::string_view::npos) t.pop_back();
  while (!t.empty() && kEdge.find(t.front()) != std::string_view::npos) t.erase(0, 1);
  return t;
}

// Splits a run of reference characters into tokens, dropping what differs between languages but not in meaning:
// case, edge punctuation, thousands separators ("1,000", "1.000" read as "1000"; a decimal "2.5" stays). A comma
// that is not a thousands separator ends a token ("1, 2").
void split_run(std::string_view run, std::vector<std::string>& out) {
  std::string cur;
  auto flush = [&] {
    std::string t = strip_punct(cur);
    cur.clear();
    const bool has_digit = std::any_of(t.begin(), t.end(), is_digit);
    const bool url = t.find("http") != std::string::npos || t.find("www.") != std::string::npos;
    if (has_digit || url) out.push_back(std::move(t));
  };
  for (std::size_t i = 0; i < run.size(); ++i) {
    const char c = run[i];
    if ((c == ',' || c == '.') && i > 0 && is_digit(run[i - 1])) {
      const bool three = i + 3 < run.size() && is_digit(run[i + 1]) && is_digit(run[i + 2]) &&
                         is_digit(run[i + 3]) && (i + 4 == run.size() || !is_digit(run[i + 4]));
      if (three) continue;
    }
    if (c == ',') {
      flush();
      continue;
    }
    cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  flush();
}

}  // namespace

std::vector<std::string> reference_tokens(std::string_view text) {
  std::vector<std::string> out;
  const std::string folded = utf8::fold_width(text);
  std::size_t pos = 0;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) split_run(cur, out);
    cur.clear();
  };
  while (pos < folded.size()) {
    const char32_t c = utf8::next(folded, pos);
    if (is_ref_char(c)) {
      cur += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  std::sort(out.begin(), out.end());
  return out;
}

BlockFeatures features_of(std::string_view text) {
  BlockFeatures f;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (!utf8::is_space(utf8::next(text, pos))) f.length += 1;
  }
  f.refs = reference_tokens(text);
  return f;
}

std::size_t shared_count(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++n, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

double GroupScorer::length_probability(double ls, double lt) const {
  const double expected = ls * ratio_;
  const double scale = std::sqrt(options_.length_variance * std::max(1.0, (expected + lt) / 2.0));
  const double delta = std::abs(lt - expected) / scale;
  // Two-sided tail of the standard normal: the chance of a difference at least this large.
  return std::max(1e-12, std::erfc(delta / std::sqrt(2.0)));
}

double GroupScorer::reference_agreement(const std::vector<BlockFeatures>& src, std::size_t si, std::size_t a,
                                        const std::vector<BlockFeatures>& tgt, std::size_t tj,
                                        std::size_t b) const {
  std::vector<std::string> s, t;
  for (std::size_t k = si; k < si + a; ++k) s.insert(s.end(), src[k].refs.begin(), src[k].refs.end());
  for (std::size_t k = tj; k < tj + b; ++k) t.insert(t.end(), tgt[k].refs.begin(), tgt[k].refs.end());
  if (s.empty() && t.empty()) return -1.0;  // nothing to compare
  std::sort(s.begin(), s.end());
  std::sort(t.begin(), t.end());
  return static_cast<double>(shared_count(s, t)) / static_cast<double>(std::max(s.size(), t.size()));
}

double GroupScorer::cost(const std::vector<BlockFeatures>& src, std::size_t si, std::size_t a,
                         const std::vector<BlockFeatures>& tgt, std::size_t tj, std::size_t b) const {
  if (a == 0 || b == 0) return options_.skip_cost * static_cast<double>(a + b);
  double ls = 0, lt = 0;
  for (std::size_t k = si; k < si + a; ++k) ls += src[k].length;
  for (std::size_t k = tj; k < tj + b; ++k) lt += tgt[k].length;
  // Shape prior: one-to-one is by far the commonest; merges and splits cost about -log(0.1) per extra block.
  const double prior = 2.3 * static_cast<double>(a + b - 2);
  double c = -std::log(length_probability(ls, lt)) + prior;
  const double refs = reference_agreement(src, si, a, tgt, tj, b);
  if (refs >= 0) c += options_.reference_weight * (0.5 - refs);
  return c;
}

double GroupScorer::confidence(const std::vector<BlockFeatures>& src, std::size_t si, std::size_t a,
                               const std::vector<BlockFeatures>& tgt, std::size_t tj, std::size_t b) const {
  if (a == 0 || b == 0) return 0.0;
  double ls = 0, lt = 0;
  for (std::size_t k = si; k < si + a; ++k) ls += src[k].length;
  for (std::size_t k = tj; k < tj + b; ++k) lt += tgt[k].length;
  const double p = length_probability(ls, lt);
  const double refs = reference_agreement(src, si, a, tgt, tj, b);
  const double c = refs < 0 ? p : 0.5 * p + 0.5 * refs;
  return std::clamp(c, 0.0, 1.0);
}

}  // namespace paralign::block_align
