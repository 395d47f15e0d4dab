// torch.nn.functional.dropout as PyTorch 1.13 computes it on the CPU
// (ATen's _dropout_impl): a mask drawn with bernoulli_(1 - p) from the
// default generator, divided by 1 - p, times the input (MulBackward0). The
// same torch.manual_seed gives the same mask as PyTorch's (see
// random/distributions.hpp, bernoulli_fill).
#pragma once

#include "random/generator.hpp"
#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::nn {

using tensor::Tensor;

// F.dropout(input, p=0.5, training=True). With p == 0, training off or an
// empty input the result is `input` itself (no new node), as in PyTorch;
// p == 1 gives input * 0. p outside [0, 1] raises PyTorch's ValueError (the
// number printed as Python prints it, hence a Scalar).
Tensor dropout(const Tensor& input, const tensor::Scalar& p = tensor::Scalar(0.5), bool training = true,
               random::Generator& generator = random::default_generator());

}  // namespace lesson::nn
