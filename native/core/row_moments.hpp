// Mean and biased variance of a contiguous run of floats.
#pragma once

#include <cstddef>

namespace lesson::core {

struct MeanVar {
  double mean;
  double var;  // biased: sum((x - mean)^2) / n
};

// Two passes (mean, then squared deviations) with several independent
// accumulators, so the loops vectorise without relying on reassociation and
// the variance does not suffer the cancellation of E[x^2] - E[x]^2.
MeanVar mean_var_biased(const float* x, std::size_t n);

}  // namespace lesson::core
