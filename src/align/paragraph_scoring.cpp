#include "align/paragraph_scoring.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

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

// The next code point with an inline path for ASCII, which is most of what these loops see outside Chinese text.
inline char32_t next_char(std::string_view s, std::size_t& pos) {
  const unsigned char b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) {
    ++pos;
    return b;
  }
  return utf8::next(s, pos);
}

}  // namespace

std::vector<std::string> reference_tokens(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) split_run(cur, out);
    cur.clear();
  };
  while (pos < text.size()) {
    // Full-width forms fold to ASCII one code point at a time (as utf8::fold_width does), without a folded copy.
    const char32_t c = utf8::fold_width(next_char(text, pos));
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
    if (!utf8::is_space(next_char(text, pos))) f.length += 1;
  }
  f.refs = reference_tokens(text);
  return f;
}

namespace {

// Elements two ascending sequences share, counted by one merge pass.
template <class T>
std::size_t shared_sorted(const T* a, std::size_t na, const T* b, std::size_t nb) {
  std::size_t i = 0, j = 0, n = 0;
  while (i < na && j < nb) {
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

}  // namespace

std::size_t shared_count(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return shared_sorted(a.data(), a.size(), b.data(), b.size());
}

std::size_t shared_count(const std::uint32_t* a, std::size_t na, const std::uint32_t* b, std::size_t nb) {
  return shared_sorted(a, na, b, nb);
}

void intern_references(std::vector<BlockFeatures>& src, std::vector<BlockFeatures>& tgt) {
  std::unordered_map<std::string_view, std::uint32_t> ids;
  for (auto* side : {&src, &tgt}) {
    for (BlockFeatures& f : *side) {
      f.ref_ids.clear();
      f.ref_ids.reserve(f.refs.size());
      for (const std::string& r : f.refs) {
        const auto [it, added] = ids.try_emplace(r, static_cast<std::uint32_t>(ids.size()));
        f.ref_ids.push_back(it->second);
      }
      std::sort(f.ref_ids.begin(), f.ref_ids.end());
    }
  }
}

// The normalised length difference: how many standard deviations the target length is from the expected one,
// divided by sqrt(2) for erfc.
double GroupScorer::length_z(double ls, double lt) const {
  const double expected = ls * ratio_;
  const double scale = std::sqrt(options_.length_variance * std::max(1.0, (expected + lt) / 2.0));
  const double delta = std::abs(lt - expected) / scale;
  return delta / std::sqrt(2.0);
}

double GroupScorer::length_probability(double ls, double lt) const {
  // Two-sided tail of the standard normal: the chance of a difference at least this large.
  return std::max(1e-12, std::erfc(length_z(ls, lt)));
}

double GroupScorer::reference_agreement(const std::vector<BlockFeatures>& src, std::size_t si, std::size_t a,
                                        const std::vector<BlockFeatures>& tgt, std::size_t tj,
                                        std::size_t b) const {
  // The commonest case, one block on each side, compares the blocks' own sorted ids without copying them.
  if (a == 1 && b == 1) {
    const auto& s = src[si].ref_ids;
    const auto& t = tgt[tj].ref_ids;
    if (s.empty() && t.empty()) return -1.0;  // nothing to compare
    return static_cast<double>(shared_count(s.data(), s.size(), t.data(), t.size())) /
           static_cast<double>(std::max(s.size(), t.size()));
  }
  // A group: the union of its blocks' ids, in buffers kept per thread so that no candidate allocates.
  thread_local std::vector<std::uint32_t> s, t;
  s.clear();
  t.clear();
  for (std::size_t k = si; k < si + a; ++k) s.insert(s.end(), src[k].ref_ids.begin(), src[k].ref_ids.end());
  for (std::size_t k = tj; k < tj + b; ++k) t.insert(t.end(), tgt[k].ref_ids.begin(), tgt[k].ref_ids.end());
  if (s.empty() && t.empty()) return -1.0;
  if (a > 1) std::sort(s.begin(), s.end());
  if (b > 1) std::sort(t.begin(), t.end());
  return static_cast<double>(shared_count(s.data(), s.size(), t.data(), t.size())) /
         static_cast<double>(std::max(s.size(), t.size()));
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

bool GroupScorer::cost_below(const std::vector<BlockFeatures>& src, std::size_t si, std::size_t a,
                             const std::vector<BlockFeatures>& tgt, std::size_t tj, std::size_t b, double before,
                             double best, double* out) const {
  if (a == 0 || b == 0) {
    *out = cost(src, si, a, tgt, tj, b);
    return true;
  }
  const double prior = 2.3 * static_cast<double>(a + b - 2);
  // -log(max(1e-12, erfc(z))) >= min(z², -log(1e-12)) for z >= 0, since erfc(z) <= exp(-z²). The margins cover the
  // last-bit errors of erfc, log and of z² computed without the square roots; rounding being monotone, a bound
  // built in the same order as cost() adds up its terms stays below the value cost() computes.
  const double refs_floor = std::min(0.0, options_.reference_weight * -0.5);  // refs <= 1
  if (before + ((-1e-9 + prior) + refs_floor) >= best) return false;  // the shape prior alone rules it out
  double ls = 0, lt = 0;
  for (std::size_t k = si; k < si + a; ++k) ls += src[k].length;
  for (std::size_t k = tj; k < tj + b; ++k) lt += tgt[k].length;
  const double expected = ls * ratio_;
  const double diff = lt - expected;
  const double z2 = diff * diff / (options_.length_variance * std::max(1.0, (expected + lt) / 2.0)) / 2.0;
  const double length_floor = std::min(z2, 27.6) * (1.0 - 1e-9) - 1e-9;
  if (before + ((length_floor + prior) + refs_floor) >= best) return false;
  const double refs = reference_agreement(src, si, a, tgt, tj, b);
  const double refs_term = refs >= 0 ? options_.reference_weight * (0.5 - refs) : 0.0;
  if (before + ((length_floor + prior) + refs_term) >= best) return false;
  double c = -std::log(std::max(1e-12, std::erfc(length_z(ls, lt)))) + prior;
  if (refs >= 0) c += refs_term;
  *out = c;
  return true;
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
