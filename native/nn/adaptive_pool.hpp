// torch.nn.functional.adaptive_avg_pool1d/2d and adaptive_max_pool1d/2d
// (every option the nn.Adaptive*Pool* modules have) and their backward, as
// PyTorch 1.13 computes them. Results record AdaptiveAvgPool2DBackward0 /
// AdaptiveMaxPool2DBackward0 (2-D), MeanBackward1 (2-D output size (1, 1),
// which PyTorch computes as a mean) or SqueezeBackward1 (1-D). float32 only.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "nn/max_pool.hpp"
#include "nn/pool_shape.hpp"
#include "tensor/tensor.hpp"

namespace lesson::nn {

// A Python tuple or list output_size; None (nullopt) keeps the input's size.
using OptionalSizes = std::vector<std::optional<std::int64_t>>;

// F.adaptive_avg_pool2d(input, n) and F.adaptive_avg_pool2d(input, (h, w)).
// The tuple form raises ValueError "Input dimension should be at least 3"
// for input.dim() <= len(output_size), as torch.nn.functional does.
Tensor adaptive_avg_pool2d(const Tensor& input, std::int64_t output_size);
Tensor adaptive_avg_pool2d(const Tensor& input, const OptionalSizes& output_size);
// F.adaptive_avg_pool1d(input, output_size); output_size {n}.
Tensor adaptive_avg_pool1d(const Tensor& input, const IntList& output_size);

// F.adaptive_max_pool2d(input, output_size, return_indices=False/True).
Tensor adaptive_max_pool2d(const Tensor& input, std::int64_t output_size);
Tensor adaptive_max_pool2d(const Tensor& input, const OptionalSizes& output_size);
PoolWithIndices adaptive_max_pool2d_with_indices(const Tensor& input, std::int64_t output_size);
PoolWithIndices adaptive_max_pool2d_with_indices(const Tensor& input, const OptionalSizes& output_size);
// F.adaptive_max_pool1d(input, output_size, return_indices=False/True).
Tensor adaptive_max_pool1d(const Tensor& input, const IntList& output_size);
PoolWithIndices adaptive_max_pool1d_with_indices(const Tensor& input, const IntList& output_size);

// The backward ops: aten::_adaptive_avg_pool2d_backward, the (1, 1) mean's
// backward (grad.expand(input.shape) / (H*W)) and
// aten::adaptive_max_pool2d_backward.
Tensor adaptive_avg_pool2d_backward(const Tensor& grad_output, const Tensor& input);
Tensor adaptive_avg_pool2d_mean_backward(const Tensor& grad_output, const Tensor& input);
Tensor adaptive_max_pool2d_backward(const Tensor& grad_output, const Tensor& input, const Tensor& indices);

}  // namespace lesson::nn
