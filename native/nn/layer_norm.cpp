#include "nn/layer_norm.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

#include <xtensor/xadapt.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xtensor.hpp>

#include "core/row_moments.hpp"

namespace lesson::nn {

void layer_norm_last_dim(const float* x, std::size_t rows, std::size_t cols,
                         const float* weight, const float* bias, float eps,
                         float* y, RowMoments* moments) {
  if (cols == 0) {
    throw std::invalid_argument("layer_norm: the normalized dimension must not be empty");
  }
  if (!(eps >= 0.0f)) {
    throw std::invalid_argument("layer_norm: eps must be non-negative");
  }
  const std::array<std::size_t, 1> row_shape{cols};
  for (std::size_t r = 0; r < rows; ++r) {
    const float* xr = x + r * cols;
    float* yr = y + r * cols;
    const core::MeanVar mv = core::mean_var_biased(xr, cols);
    const float mean = static_cast<float>(mv.mean);
    const float rstd = 1.0f / std::sqrt(static_cast<float>(mv.var) + eps);
    if (moments != nullptr) {
      moments[r] = RowMoments{mean, rstd};
    }
    // Folded as PyTorch folds it: x * rstd + (-rstd * mean), then the affine
    // transform. Same rounding as PyTorch, and one multiply-add per element.
    const float shift = -rstd * mean;
    // Fixed-rank adaptors over the row; xtensor vectorises these assignments.
    auto xin = xt::adapt(xr, cols, xt::no_ownership(), row_shape);
    auto out = xt::adapt(yr, cols, xt::no_ownership(), row_shape);
    if (weight != nullptr && bias != nullptr) {
      auto w = xt::adapt(weight, cols, xt::no_ownership(), row_shape);
      auto b = xt::adapt(bias, cols, xt::no_ownership(), row_shape);
      xt::noalias(out) = (xin * rstd + shift) * w + b;
    } else if (weight != nullptr) {
      auto w = xt::adapt(weight, cols, xt::no_ownership(), row_shape);
      xt::noalias(out) = (xin * rstd + shift) * w;
    } else if (bias != nullptr) {
      auto b = xt::adapt(bias, cols, xt::no_ownership(), row_shape);
      xt::noalias(out) = (xin * rstd + shift) + b;
    } else {
      xt::noalias(out) = (xin * rstd + shift);
    }
  }
}

}  // namespace lesson::nn
