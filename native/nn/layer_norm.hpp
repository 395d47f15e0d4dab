// LayerNorm over the last dimension of a contiguous float32 buffer.
#pragma once

#include <cstddef>

namespace lesson::nn {

// Mean and reciprocal standard deviation of one row, as PyTorch's
// native_layer_norm saves them for the backward pass.
struct RowMoments {
  float mean;
  float rstd;
};

// y[r, c] = (x[r, c] - mean_r) / sqrt(var_r + eps) * weight[c] + bias[c]
// with var_r the biased variance of row r. `x` and `y` hold rows * cols
// floats and may be the same buffer; `weight` and `bias` hold cols floats
// or are null (no affine transform). `moments`, if not null, receives one
// entry per row. Throws std::invalid_argument on cols == 0 or eps < 0.
void layer_norm_last_dim(const float* x, std::size_t rows, std::size_t cols,
                         const float* weight, const float* bias, float eps,
                         float* y, RowMoments* moments = nullptr);

}  // namespace lesson::nn
