// PyTorch 1.13 runs every 1-D pooling op as its 2-D op on input.unsqueeze(-2)
// followed by .squeeze(-2), so a 1-D result prints
// grad_fn=<SqueezeBackward1> and its graph reads SqueezeBackward1 ->
// <2-D op> -> UnsqueezeBackward0. These two helpers make the views and
// record those nodes when autograd needs them.
#pragma once

#include "tensor/tensor.hpp"

namespace lesson::nn {

// input.unsqueeze(-2), recorded as UnsqueezeBackward0.
tensor::Tensor unsqueeze_for_1d(const tensor::Tensor& input);
// output.squeeze(-2), recorded as SqueezeBackward1 (no node for a tensor
// that does not require grad, e.g. indices).
tensor::Tensor squeeze_from_1d(const tensor::Tensor& output);

}  // namespace lesson::nn
