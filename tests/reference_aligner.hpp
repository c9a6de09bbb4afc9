// A slow, obviously correct aligner for the tests: it tries every way of cutting two sentence lists into beads and
// keeps the cheapest. Exponential, so only for a handful of sentences; the fast banded search (src/align/dp.hpp)
// must find a path of the same cost whenever its band holds the whole grid.
#pragma once

#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

#include "align/dp.hpp"

namespace paralign::testing {

struct ReferencePath {
  double total = std::numeric_limits<double>::infinity();
  std::vector<align::Step> steps;
};

/// Every sequence of beads from (i, j) to (n, m), by plain recursion with no memo and no pruning.
inline void reference_search(std::size_t i, std::size_t j, std::size_t n, std::size_t m,
                             const std::vector<align::Shape>& shapes,
                             const std::function<double(std::size_t, std::size_t, int)>& cost,
                             std::vector<align::Step>& path, double so_far, ReferencePath& best) {
  if (i == n && j == m) {
    if (so_far < best.total) {
      best.total = so_far;
      best.steps = path;
    }
    return;
  }
  for (std::size_t s = 0; s < shapes.size(); ++s) {
    std::size_t a = shapes[s].src, b = shapes[s].tgt;
    if (i + a > n || j + b > m) continue;
    double c = cost(i, j, static_cast<int>(s));
    path.push_back({i, j, static_cast<int>(s), c});
    reference_search(i + a, j + b, n, m, shapes, cost, path, so_far + c, best);
    path.pop_back();
  }
}

/// The cheapest way to cut n source and m target sentences into beads of `shapes`.
inline ReferencePath reference_align(std::size_t n, std::size_t m, const std::vector<align::Shape>& shapes,
                                     const std::function<double(std::size_t, std::size_t, int)>& cost) {
  ReferencePath best;
  std::vector<align::Step> path;
  reference_search(0, 0, n, m, shapes, cost, path, 0.0, best);
  return best;
}

}  // namespace paralign::testing
