// Average pooling kernels over contiguous H x W planes, with PyTorch 1.13's
// divisor rules: a window is clipped to input + padding (ceil_mode's
// overhang past the padding never counts), then to the input;
// count_include_pad divides by the first size, otherwise by the second;
// divisor_override replaces both. A window entirely in the padding gives 0.
#pragma once

#include <cstdint>
#include <optional>

#include "nn/pool_shape.hpp"

namespace lesson::nn {

struct AvgPoolOptions {
  bool count_include_pad = true;
  std::optional<std::int64_t> divisor_override;
};

// out holds planes * h.out * w.out values. The sum runs in row-major window
// order from 0, then one division (as PyTorch: bit-identical for float32).
// int64 inputs divide with truncation, as PyTorch's integer path does.
void avg_pool2d_forward_kernel(const float* input, float* out, const Pool2dGeometry& g,
                               const AvgPoolOptions& options);
void avg_pool2d_forward_kernel(const std::int64_t* input, std::int64_t* out, const Pool2dGeometry& g,
                               const AvgPoolOptions& options);

// grad_input (planes * h.in * w.in, fully written): every window element
// receives grad_output / divisor. Non-overlapping 2x2 windows are written
// directly in one pass.
void avg_pool2d_backward_kernel(const float* grad_output, float* grad_input, const Pool2dGeometry& g,
                                const AvgPoolOptions& options);

}  // namespace lesson::nn
