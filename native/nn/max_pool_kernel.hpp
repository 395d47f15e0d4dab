// Max pooling kernels over contiguous float32 H x W planes (N*C of them),
// with PyTorch 1.13's semantics: windows clipped to the input (padding acts
// as -inf), NaN wins, the first maximum in row-major window order gives the
// index, and the index of a window with nothing above -inf is its first
// position.
#pragma once

#include <cstdint>

#include "nn/pool_shape.hpp"

namespace lesson::nn {

// out (and indices, if not null) hold planes * h.out * w.out values; each
// index is flat within its input plane (ih * W + iw), as PyTorch returns it.
void max_pool2d_forward_kernel(const float* input, float* out, std::int64_t* indices,
                               const Pool2dGeometry& g);

// grad_input (planes * h.in * w.in, fully written) = the scatter-add of
// grad_output at `indices`. Indices outside their plane are ignored.
// Non-overlapping 2x2 windows are written directly in one pass.
void max_pool2d_backward_kernel(const float* grad_output, const std::int64_t* indices,
                                float* grad_input, const Pool2dGeometry& g);

// The scatter-add alone, for any window shape (adaptive max pooling too):
// each plane zeroed, then grad_input[plane][indices[i]] += grad_output[i].
void max_pool_scatter_backward(const float* grad_output, const std::int64_t* indices, float* grad_input,
                               std::int64_t planes, std::int64_t in_plane, std::int64_t out_plane);

}  // namespace lesson::nn
