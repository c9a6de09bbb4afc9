#include "align/dp.hpp"

#include <cmath>

namespace paralign::align {

namespace {

// Makes lo and hi non-decreasing and pins the corners, so every row is reachable from the one before.
void finish_band(Band& band, std::size_t m) {
  std::size_t n = band.lo.size() - 1;
  band.lo[0] = 0;
  band.hi[n] = m;
  for (std::size_t i = 1; i <= n; ++i) band.hi[i] = std::max(band.hi[i], band.hi[i - 1]);
  for (std::size_t i = n; i-- > 0;) band.lo[i] = std::min(band.lo[i], band.lo[i + 1]);
  for (std::size_t i = 0; i <= n; ++i) {
    band.hi[i] = std::min(band.hi[i], m);
    if (band.lo[i] > band.hi[i]) band.lo[i] = band.hi[i];
  }
}

}  // namespace

Band make_band(const std::vector<double>& centre, std::size_t m, std::size_t width) {
  Band band;
  std::size_t n = centre.size() - 1;
  band.lo.resize(n + 1);
  band.hi.resize(n + 1);
  for (std::size_t i = 0; i <= n; ++i) {
    double c = std::clamp(centre[i], 0.0, static_cast<double>(m));
    double lo = std::floor(c) - static_cast<double>(width);
    double hi = std::ceil(c) + static_cast<double>(width);
    band.lo[i] = lo < 0 ? 0 : static_cast<std::size_t>(lo);
    band.hi[i] = hi > static_cast<double>(m) ? m : static_cast<std::size_t>(hi);
  }
  finish_band(band, m);
  return band;
}

Band band_around_path(const std::vector<std::pair<std::size_t, std::size_t>>& points, std::size_t n, std::size_t m,
                      std::size_t width) {
  Band band;
  band.lo.assign(n + 1, m);
  band.hi.assign(n + 1, 0);
  // Each bead end (i, j) and the bead's corners widen the rows within `width` of it.
  for (std::size_t k = 0; k < points.size(); ++k) {
    auto [pi, pj] = points[k];
    std::size_t prev_j = k > 0 ? points[k - 1].second : pj;
    std::size_t i0 = pi > width ? pi - width : 0;
    std::size_t i1 = std::min(n, pi + width);
    std::size_t jlo = std::min(prev_j, pj);
    for (std::size_t i = i0; i <= i1; ++i) {
      band.lo[i] = std::min(band.lo[i], jlo > width ? jlo - width : 0);
      band.hi[i] = std::max(band.hi[i], std::min(m, pj + width));
    }
  }
  finish_band(band, m);
  return band;
}

}  // namespace paralign::align
