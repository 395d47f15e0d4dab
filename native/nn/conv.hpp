// torch.nn.functional.conv1d / conv2d as PyTorch 1.13 computes them (float32,
// CPU): im2col + gemm per sample and group, forward and backward, recording
// ConvolutionBackward0. Unbatched input (2-D for conv1d, 3-D for conv2d) is
// unsqueezed, convolved and squeezed, as PyTorch does, so its result records
// SqueezeBackward1 over ConvolutionBackward0.
//
// Argument lists are what Python's argument parser hands ATen: an int k
// arrives as {k}; a list as itself. Errors carry PyTorch's exact texts, in
// PyTorch's order.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::nn {

using tensor::Tensor;
using ConvIntList = std::vector<std::int64_t>;

// conv's padding argument: ints ({p} or one per spatial dim) or one of the
// strings "valid" / "same". Any other string is kept and rejected by the
// call with PyTorch's "Invalid padding string: '...'". The constructors are
// implicit so that a call reads like Python: conv2d(x, w, b, {1}, {1}) or
// conv2d(x, w, b, {1}, "same").
struct ConvPadding {
  ConvPadding() : values{0} {}
  ConvPadding(std::initializer_list<std::int64_t> v) : values(v) {}          // NOLINT
  ConvPadding(ConvIntList v) : values(std::move(v)) {}                      // NOLINT
  ConvPadding(std::string mode) : is_string(true), text(std::move(mode)) {}  // NOLINT
  ConvPadding(const char* mode) : is_string(true), text(mode) {}              // NOLINT

  bool is_string = false;
  std::string text;    // "same", "valid" or an invalid string, when is_string
  ConvIntList values;  // when !is_string
};

// F.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1,
// groups=1): input [N, C, H, W] or [C, H, W], weight [O, C/groups, kH, kW],
// bias [O] or undefined (None).
Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias = Tensor(),
              const ConvIntList& stride = {1}, const ConvPadding& padding = ConvPadding(),
              const ConvIntList& dilation = {1}, std::int64_t groups = 1);

// F.conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1,
// groups=1): input [N, C, L] or [C, L], weight [O, C/groups, k].
Tensor conv1d(const Tensor& input, const Tensor& weight, const Tensor& bias = Tensor(),
              const ConvIntList& stride = {1}, const ConvPadding& padding = ConvPadding(),
              const ConvIntList& dilation = {1}, std::int64_t groups = 1);

// torch.convolution (not transposed): batched input of weight.dim() dims,
// integer padding; records ConvolutionBackward0. Checks and messages as
// ATen's _convolution.
Tensor convolution(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvIntList& stride,
                   const ConvIntList& padding, const ConvIntList& dilation, std::int64_t groups);

struct ConvGradients {
  Tensor input, weight, bias;
};

// aten::convolution_backward (not transposed) for a batched float32 input of
// 1 or 2 spatial dims; stride / padding / dilation hold one value per spatial
// dim. mask = which of input, weight, bias gradients to compute.
ConvGradients convolution_backward(const Tensor& grad_output, const Tensor& input, const Tensor& weight,
                                   const ConvIntList& stride, const ConvIntList& padding,
                                   const ConvIntList& dilation, std::int64_t groups, std::array<bool, 3> mask);

}  // namespace lesson::nn
