// Pooling geometry shared by max, average and adaptive pooling: output sizes
// (PyTorch's pooling_output_shape with its ceil_mode last-window rule),
// window bounds, and the argument checks with PyTorch 1.13's exact texts and
// in the order it makes them, so the first failing check is the one reported.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::nn {

using tensor::Tensor;

// An int-or-tuple argument after Python's argument parsing: `{k}` or
// `{kh, kw}` for 2-D ops (one value means both), `{k}` for 1-D ops. An empty
// stride means "default to kernel_size" (stride=None).
using IntList = std::vector<std::int64_t>;

// One spatial axis of a pooling window.
struct PoolAxis {
  std::int64_t in = 0;   // input length
  std::int64_t out = 0;  // output length
  std::int64_t kernel = 1;
  std::int64_t stride = 1;
  std::int64_t pad = 0;  // on both sides
  std::int64_t dilation = 1;
};

// A 2-D pooling over `planes` contiguous H x W planes: N*C for [N,C,H,W],
// C for unbatched [C,H,W].
struct Pool2dGeometry {
  std::int64_t planes = 0;
  PoolAxis h, w;
};

// PyTorch's pooling_output_shape: checks "stride should not be zero", "pad
// must be non-negative", "pad should be at most half of kernel size", then
// floor((in + 2*pad - dilation*(kernel-1) - 1 [+ stride-1 if ceil]) / stride) + 1,
// minus one in ceil mode when the last window would start in the right
// padding (it must start inside the input or the left padding).
std::int64_t pooling_output_size(std::int64_t in, std::int64_t kernel, std::int64_t pad,
                                 std::int64_t stride, std::int64_t dilation, bool ceil_mode);

// max_pool2d_with_indices' checks for [N,C,H,W] or [C,H,W] input.
Pool2dGeometry max_pool2d_geometry(const Tensor& input, const IntList& kernel_size,
                                   const IntList& stride, const IntList& padding,
                                   const IntList& dilation, bool ceil_mode);

// avg_pool2d's checks (no dilation; divisor_override must not be 0).
Pool2dGeometry avg_pool2d_geometry(const Tensor& input, const IntList& kernel_size,
                                   const IntList& stride, const IntList& padding, bool ceil_mode,
                                   std::optional<std::int64_t> divisor_override);

// max_pool1d's input check, made before anything else:
// "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim
// batch size for input, but got:[5]".
void check_max_pool1d_input(const Tensor& input);
// check_max_pool1d, the checks of max_pool1d's no-grad path (its own
// messages, and an empty result rather than an error for output length 0).
// Returns the output length.
std::int64_t check_max_pool1d(const Tensor& input, const IntList& kernel_size, const IntList& stride,
                              const IntList& padding, const IntList& dilation, bool ceil_mode);

// checkDimRange: "Expected 2 to 3 dimensions, but got 4-dimensional tensor
// for argument #1 'self' (while checking arguments for avg_pool1d)".
// `max_dim` is exclusive, as PyTorch's.
void check_dim_range(const Tensor& input, const char* function, std::int64_t min_dim,
                     std::int64_t max_dim);
// check1d: "max_pool1d() argument 'kernel_size' should contain one int (got 2)".
void check_1d(const char* function, const char* argument, const IntList& values);

// check_dim_size, as the backward ops check grad_output and indices:
// "Expected a tensor of dimension 4 and tensor.size[3] == 2 but got:
// dimension 4 and tensor.size[3] = 3".
void check_dim_size(const Tensor& t, std::int64_t dim, std::int64_t dim_index, std::int64_t size);
// The three checks for an output-shaped tensor of a 2-D pooling of `input`.
void check_pooled_shape(const Tensor& t, const Tensor& input, std::int64_t out_h, std::int64_t out_w);

// "\"max_pool2d\" not implemented for 'Long'" (AT_DISPATCH's error).
[[noreturn]] void throw_not_implemented_for(const char* op, tensor::DType dtype);

// input.size(dim) with PyTorch's IndexError texts, including "Dimension
// specified as -3 but tensor has no dimensions" for a 0-d tensor.
std::int64_t size_at(const Tensor& input, std::int64_t dim);

// `input`'s shape with its last two sizes replaced.
tensor::Shape with_spatial_2d(const tensor::Shape& shape, std::int64_t h, std::int64_t w);

// Adaptive pooling windows (AdaptivePooling.h): output o of `out` covers
// input [floor(o*in/out), ceil((o+1)*in/out)).
inline std::int64_t adaptive_start(std::int64_t o, std::int64_t out, std::int64_t in) {
  return (o / out) * in + ((o % out) * in) / out;
}
inline std::int64_t adaptive_end(std::int64_t o, std::int64_t out, std::int64_t in) {
  return 1 + ((o + 1) * in - 1) / out;
}

// The input positions [begin, end) a max-pooling window of output `o` reads
// (stepping by dilation from `begin`), PyTorch's clipping of the padding:
// begin is advanced by whole dilation steps until it is inside the input.
struct AxisWindow {
  std::int64_t begin, end;
};
inline AxisWindow dilated_window(const PoolAxis& a, std::int64_t o) {
  std::int64_t begin = o * a.stride - a.pad;
  const std::int64_t end = std::min(begin + (a.kernel - 1) * a.dilation + 1, a.in);
  while (begin < 0) begin += a.dilation;
  return {begin, end};
}

// Outputs [lo, hi) whose whole (unclipped) window lies inside the input:
// the ones vector kernels can take without bounds checks.
struct AxisInterior {
  std::int64_t lo, hi;
};
AxisInterior interior_outputs(const PoolAxis& a);

}  // namespace lesson::nn
