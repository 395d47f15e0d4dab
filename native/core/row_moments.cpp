#include "core/row_moments.hpp"

namespace lesson::core {

namespace {
constexpr std::size_t kLanes = 8;
}

MeanVar mean_var_biased(const float* x, std::size_t n) {
  if (n == 0) {
    return MeanVar{0.0, 0.0};
  }
  double acc[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    for (std::size_t l = 0; l < kLanes; ++l) {
      acc[l] += x[i + l];
    }
  }
  double sum = 0.0;
  for (; i < n; ++i) {
    sum += x[i];
  }
  for (double a : acc) {
    sum += a;
  }
  const double mean = sum / static_cast<double>(n);

  double sq[kLanes] = {};
  i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    for (std::size_t l = 0; l < kLanes; ++l) {
      const double d = x[i + l] - mean;
      sq[l] += d * d;
    }
  }
  double ss = 0.0;
  for (; i < n; ++i) {
    const double d = x[i] - mean;
    ss += d * d;
  }
  for (double a : sq) {
    ss += a;
  }
  return MeanVar{mean, ss / static_cast<double>(n)};
}

}  // namespace lesson::core
