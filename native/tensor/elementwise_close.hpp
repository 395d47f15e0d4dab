// Closeness and equality of whole tensors: torch.isclose, torch.allclose,
// torch.equal.
#pragma once

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// |a - b| <= atol + rtol * |b|, elementwise and broadcast, computed in float32
// as PyTorch does; equal values (infinities included) are always close.
// a and b must have the same dtype ("Long did not match Float").
Tensor isclose(const Tensor& a, const Tensor& b, double rtol = 1e-05, double atol = 1e-08,
               bool equal_nan = false);
bool allclose(const Tensor& a, const Tensor& b, double rtol = 1e-05, double atol = 1e-08,
              bool equal_nan = false);
// Same shape and equal values (compared in the promoted dtype; NaN is never
// equal). Never raises for mismatched shapes or dtypes.
bool equal(const Tensor& a, const Tensor& b);

}  // namespace lesson::tensor
