// torch.nn.functional.avg_pool1d / avg_pool2d (every option nn.AvgPool1d /
// nn.AvgPool2d has) and their backward, as PyTorch 1.13 computes them.
// Argument lists as in max_pool.hpp. Results record AvgPool2DBackward0 (2-D)
// or SqueezeBackward1 (1-D) when autograd needs them. float32 and int64
// inputs (int64 divides with truncation, as PyTorch's does).
#pragma once

#include <optional>

#include "nn/pool_shape.hpp"
#include "tensor/tensor.hpp"

namespace lesson::nn {

// F.avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
// count_include_pad=True, divisor_override=None); input [N,C,H,W] or [C,H,W].
Tensor avg_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                  const IntList& padding = {0}, bool ceil_mode = false, bool count_include_pad = true,
                  std::optional<std::int64_t> divisor_override = std::nullopt);

// F.avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
// count_include_pad=True); input [N,C,L] or [C,L]. (PyTorch's 1-D op has no
// divisor_override.)
Tensor avg_pool1d(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                  const IntList& padding = {0}, bool ceil_mode = false, bool count_include_pad = true);

// aten::avg_pool2d_backward: the gradient w.r.t. `input` for `grad_output`.
Tensor avg_pool2d_backward(const Tensor& grad_output, const Tensor& input, const IntList& kernel_size,
                           const IntList& stride = {}, const IntList& padding = {0}, bool ceil_mode = false,
                           bool count_include_pad = true,
                           std::optional<std::int64_t> divisor_override = std::nullopt);

}  // namespace lesson::nn
