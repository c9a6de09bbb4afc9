// Internal to the aligners: the dynamic-programming search over beads, separate from what a bead costs.
//
// The search runs over the grid (i, j) = (source sentences consumed, target sentences consumed) from (0, 0) to
// (n, m). A bead shape (a, b) steps from (i - a, j - b) to (i, j). Only cells inside a band are visited: row i keeps
// the columns [lo[i], hi[i]], so time and memory are proportional to the band's area, not to n × m. The caller
// gives the cost of each bead through a callable, so the same engine serves every scorer (and the tests' oracle).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace paralign::align {

/// A bead shape: how many source and target sentences it takes.
struct Shape {
  std::uint8_t src = 0;
  std::uint8_t tgt = 0;
};

/// The columns each row may visit: row i ∈ [0, n] keeps j ∈ [lo[i], hi[i]] (inclusive). Built by make_band.
struct Band {
  std::vector<std::size_t> lo;
  std::vector<std::size_t> hi;
  std::size_t cells() const {
    std::size_t c = 0;
    for (std::size_t i = 0; i < lo.size(); ++i) c += hi[i] - lo[i] + 1;
    return c;
  }
};

/// A band of half-width `width` around a centre line: centre[i] is the expected column for row i (any real
/// values; the band is made monotone and always holds (0, 0) and (n, m)).
Band make_band(const std::vector<double>& centre, std::size_t m, std::size_t width);

/// A band of half-width `width` around a path given as one (i, j) point per bead end (including (0,0) and (n,m)).
Band band_around_path(const std::vector<std::pair<std::size_t, std::size_t>>& points, std::size_t n, std::size_t m,
                      std::size_t width);

/// One bead of the best path: its shape index and where it starts.
struct Step {
  std::size_t i = 0;  ///< source sentences before the bead
  std::size_t j = 0;  ///< target sentences before the bead
  int shape = 0;      ///< index into the shapes given to the search
  double cost = 0.0;
};

struct SearchResult {
  std::vector<Step> steps;    ///< the best path, in order; empty when no path exists inside the band
  double total = 0.0;         ///< its total cost
  bool touches_edge = false;  ///< the path runs along the band's edge, where a wider band might do better
};

/// Finds the cheapest path from (0,0) to (n,m) inside `band` using `shapes`, where cost(i, j, shape) is the cost of a
/// bead of `shapes[shape]` starting after i source and j target sentences (return +infinity to forbid it). Ties go to
/// the shape listed first. Allocates the band's area once (a double and a byte per cell).
template <typename CostFn>
SearchResult banded_search(std::size_t n, std::size_t m, const Band& band, const std::vector<Shape>& shapes,
                           CostFn&& cost) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<std::size_t> row_start(n + 2, 0);
  for (std::size_t i = 0; i <= n; ++i) row_start[i + 1] = row_start[i] + (band.hi[i] - band.lo[i] + 1);
  std::vector<double> best(row_start[n + 1], kInf);
  std::vector<std::uint8_t> back(row_start[n + 1], 0xFF);
  auto at = [&](std::size_t i, std::size_t j) -> std::ptrdiff_t {
    if (j < band.lo[i] || j > band.hi[i]) return -1;
    return static_cast<std::ptrdiff_t>(row_start[i] + (j - band.lo[i]));
  };
  if (band.lo[0] == 0) best[at(0, 0)] = 0.0;
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = band.lo[i]; j <= band.hi[i]; ++j) {
      std::ptrdiff_t here = at(i, j);
      double b = best[here];
      std::uint8_t bk = back[here];
      for (std::size_t s = 0; s < shapes.size(); ++s) {
        std::size_t a = shapes[s].src, c = shapes[s].tgt;
        if (a > i || c > j) continue;
        std::ptrdiff_t from = at(i - a, j - c);
        if (from < 0) continue;
        double prev = best[from];
        if (prev == kInf) continue;
        double v = prev + cost(i - a, j - c, static_cast<int>(s));
        if (v < b) {
          b = v;
          bk = static_cast<std::uint8_t>(s);
        }
      }
      best[here] = b;
      back[here] = bk;
    }
  }
  SearchResult result;
  std::ptrdiff_t end = at(n, m);
  if (end < 0 || best[end] == kInf) return result;
  result.total = best[end];
  std::size_t i = n, j = m;
  while (i > 0 || j > 0) {
    std::uint8_t s = back[at(i, j)];
    std::size_t a = shapes[s].src, c = shapes[s].tgt;
    double d = best[at(i, j)] - best[at(i - a, j - c)];
    result.steps.push_back({i - a, j - c, s, d});
    if ((j == band.lo[i] && j > 0 && i < n) || (j == band.hi[i] && j < m && i > 0)) result.touches_edge = true;
    i -= a;
    j -= c;
  }
  std::reverse(result.steps.begin(), result.steps.end());
  return result;
}

}  // namespace paralign::align
