// Adaptive pooling kernels over contiguous float32 H x W planes. Output
// (oh, ow) covers rows [floor(oh*H/OH), ceil((oh+1)*H/OH)) and likewise for
// columns (adaptive_start / adaptive_end in pool_shape.hpp).
#pragma once

#include <cstdint>

namespace lesson::nn {

struct AdaptiveGeometry {
  std::int64_t planes = 0;
  std::int64_t in_h = 0, in_w = 0, out_h = 0, out_w = 0;
};

// Averages: each window's sum divided by its height, then by its width (as
// PyTorch divides). Rows of a window are summed first into a row buffer, so
// the input is read row by row with contiguous vector adds.
void adaptive_avg_pool2d_forward_kernel(const float* input, float* out, const AdaptiveGeometry& g);
// grad_input (fully written) = the sum over the windows covering each
// element of grad / kh / kw, built row by row (no zeroing pass).
void adaptive_avg_pool2d_backward_kernel(const float* grad_output, float* grad_input, const AdaptiveGeometry& g);

// Maxima and their flat in-plane indices, with max pooling's NaN and tie
// rules (max_pool_kernel.hpp). The backward is max_pool_scatter_backward.
void adaptive_max_pool2d_forward_kernel(const float* input, float* out, std::int64_t* indices,
                                        const AdaptiveGeometry& g);

// Output size (1, 1), which PyTorch computes as input.mean((-1, -2),
// keepdim=True): out[p] = sum(plane p) / plane_size (NaN for empty planes).
void plane_mean_kernel(const float* input, float* out, std::int64_t planes, std::int64_t plane_size);
// Its backward: every element of plane p gets grad[p] / plane_size.
void plane_mean_backward_kernel(const float* grad_output, float* grad_input, std::int64_t planes,
                                std::int64_t plane_size);

}  // namespace lesson::nn
