// The convolution kernels under native/nn/conv.cpp, on contiguous float
// buffers: im2col + gemm per sample and group, as ATen's slow_conv2d does.
// The gemm is a local one on packed panels (its b, the column matrix, is
// a few MB, and its weight-gradient form reads the columns transposed,
// which tensor/linalg_gemm.hpp's does not). A 1-D convolution is the 2-D one
// with H = kH = 1.
#pragma once

#include <cstdint>

namespace lesson::nn::kernels {

// Sizes of one 2-D convolution. Padding is given at the start of each
// spatial dim; the end padding only enters through the output size, so an
// asymmetric ('same' with an even kernel) padding is one geometry.
struct ConvGeometry {
  std::int64_t batch = 0, in_channels = 0, out_channels = 0, groups = 1;
  std::int64_t in_h = 1, in_w = 1, out_h = 1, out_w = 1;
  std::int64_t kernel_h = 1, kernel_w = 1;
  std::int64_t stride_h = 1, stride_w = 1;
  std::int64_t pad_h = 0, pad_w = 0;
  std::int64_t dilation_h = 1, dilation_w = 1;

  std::int64_t in_plane() const { return in_h * in_w; }
  std::int64_t out_plane() const { return out_h * out_w; }
  std::int64_t in_per_group() const { return in_channels / groups; }
  std::int64_t out_per_group() const { return out_channels / groups; }
  // Rows of a group's column matrix: (C / groups) * kH * kW.
  std::int64_t col_rows() const { return in_per_group() * kernel_h * kernel_w; }
  // A 1x1 kernel with unit stride and no padding reads the input as it is.
  bool is_pointwise() const {
    return kernel_h == 1 && kernel_w == 1 && stride_h == 1 && stride_w == 1 && pad_h == 0 && pad_w == 0;
  }
};

// y [N, O, outH, outW] = conv(x [N, C, H, W], w [O, C/groups, kH, kW]) + bias
// (bias null = none).
void conv2d_forward(const float* x, const float* w, const float* bias, float* y, const ConvGeometry& g);

// Gradients for grad_output gy [N, O, outH, outW]; a null output pointer
// skips that gradient. dx and dw are written (not accumulated into).
void conv2d_backward(const float* gy, const float* x, const float* w, float* dx, float* dw, float* dbias,
                     const ConvGeometry& g);

}  // namespace lesson::nn::kernels
