// torch.pow for tensor ** tensor, tensor ** number and number ** tensor, with
// PyTorch's fast paths for the common float exponents (x*x for 2, sqrt for
// 0.5, ...) so results round the same way.
#pragma once

#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

// Integer results use exact repeated squaring (wrapping on overflow); a
// negative integer exponent element gives 0 except for bases 1 and -1.
Tensor pow(const Tensor& base, const Tensor& exponent);
// An integral tensor to a negative integer number raises "Integers to
// negative integer powers are not allowed."
Tensor pow(const Tensor& base, const Scalar& exponent);
Tensor pow(const Scalar& base, const Tensor& exponent);

}  // namespace lesson::tensor
