// torch.nn.functional.max_pool1d / max_pool2d (every option nn.MaxPool1d /
// nn.MaxPool2d has) and their backward, as PyTorch 1.13 computes them.
//
// Argument lists are what Python's argument parser hands ATen: an int k
// arrives as {k} (1-D) or {k} / {k, k} (2-D); stride {} means None
// (= kernel_size). Results record MaxPool2DWithIndicesBackward0 (2-D) or
// SqueezeBackward1 (1-D, PyTorch's unsqueeze -> 2-D op -> squeeze) when
// autograd needs them. Errors carry PyTorch's exact texts.
#pragma once

#include "nn/pool_shape.hpp"
#include "tensor/tensor.hpp"

namespace lesson::nn {

struct PoolWithIndices {
  Tensor output;
  Tensor indices;  // int64, flat index within each input plane (H*W, or L for 1-D)
};

// F.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1,
// ceil_mode=False); input [N,C,H,W] or [C,H,W] float32.
Tensor max_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                  const IntList& padding = {0}, const IntList& dilation = {1}, bool ceil_mode = false);
// F.max_pool2d(..., return_indices=True).
PoolWithIndices max_pool2d_with_indices(const Tensor& input, const IntList& kernel_size,
                                        const IntList& stride = {}, const IntList& padding = {0},
                                        const IntList& dilation = {1}, bool ceil_mode = false);

// F.max_pool1d; input [N,C,L] or [C,L]. Without grad this is PyTorch's
// separate 1-D path, whose checks and messages differ from the 2-D op's (and
// which allows an empty output).
Tensor max_pool1d(const Tensor& input, const IntList& kernel_size, const IntList& stride = {},
                  const IntList& padding = {0}, const IntList& dilation = {1}, bool ceil_mode = false);
// F.max_pool1d(..., return_indices=True) (torch.max_pool1d_with_indices).
PoolWithIndices max_pool1d_with_indices(const Tensor& input, const IntList& kernel_size,
                                        const IntList& stride = {}, const IntList& padding = {0},
                                        const IntList& dilation = {1}, bool ceil_mode = false);

// aten::max_pool2d_with_indices_backward: the gradient w.r.t. `input` for
// `grad_output`, given the forward's arguments and indices.
Tensor max_pool2d_backward(const Tensor& grad_output, const Tensor& input, const Tensor& indices,
                           const IntList& kernel_size, const IntList& stride = {},
                           const IntList& padding = {0}, const IntList& dilation = {1},
                           bool ceil_mode = false);

}  // namespace lesson::nn
