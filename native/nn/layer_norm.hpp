// LayerNorm over the trailing dimensions of a float32 input: the functional
// form (torch.nn.functional.layer_norm, recording NativeLayerNormBackward0),
// the ATen-level forward and backward, and the raw last-dimension kernel the
// page's JS API (wasm_bindings/layer_norm_bindings.cpp) calls.
#pragma once

#include <cstddef>

#include "nn/norm_common.hpp"

namespace lesson::nn {

// F.layer_norm(input, normalized_shape, weight, bias, eps): each row of the
// last normalized_shape.size() dims is normalised by its own mean and biased
// variance; weight and bias (undefined = None) have normalized_shape.
Tensor layer_norm(const Tensor& input, const tensor::Shape& normalized_shape, const Tensor& weight,
                  const Tensor& bias, double eps);

// torch.ops.aten.native_layer_norm: no checks beyond the kernel's, no
// autograd. mean and invstd (rstd) have the input's leading dims followed by
// a 1 for each normalized dim, as PyTorch's.
NormForward native_layer_norm(const Tensor& input, const tensor::Shape& normalized_shape,
                              const Tensor& weight, const Tensor& bias, double eps);

// torch.ops.aten.native_layer_norm_backward: per row one fused reduction pass
// (which also accumulates the weight and bias gradients) and one elementwise
// pass.
NormGradients native_layer_norm_backward(const Tensor& grad_output, const Tensor& input,
                                         const tensor::Shape& normalized_shape, const Tensor& mean,
                                         const Tensor& rstd, const Tensor& weight, const Tensor& bias,
                                         GradMask mask);

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
void layer_norm_last_dim(const float* x, std::size_t rows, std::size_t cols, const float* weight,
                         const float* bias, float eps, float* y, RowMoments* moments = nullptr);

}  // namespace lesson::nn
