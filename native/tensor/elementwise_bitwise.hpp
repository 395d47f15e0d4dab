// & | ^ ~ on bool tensors (logical) and int64 tensors (bitwise), as PyTorch's
// bitwise_* ops; float operands raise PyTorch's "not implemented" errors.
#pragma once

#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

Tensor bitwise_and(const Tensor& a, const Tensor& b);
Tensor bitwise_and(const Tensor& a, const Scalar& b);
Tensor bitwise_and(const Scalar& a, const Tensor& b);
Tensor bitwise_or(const Tensor& a, const Tensor& b);
Tensor bitwise_or(const Tensor& a, const Scalar& b);
Tensor bitwise_or(const Scalar& a, const Tensor& b);
Tensor bitwise_xor(const Tensor& a, const Tensor& b);
Tensor bitwise_xor(const Tensor& a, const Scalar& b);
Tensor bitwise_xor(const Scalar& a, const Tensor& b);

// torch.bitwise_not: float raises RuntimeError "\"bitwise_not_cpu\" not
// implemented for 'Float'".
Tensor bitwise_not(const Tensor& a);
// The ~ operator (Tensor.__invert__): the same op, but float raises the
// TypeError Python's operator gives.
Tensor invert(const Tensor& a);

}  // namespace lesson::tensor
