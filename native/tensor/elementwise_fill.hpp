// Whole-tensor writes the tensor API needs in place: fill_, zero_, copy_.
// Each bumps self's version and returns self.
#pragma once

#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

// The number converted to self's dtype; "value cannot be converted to type
// int64_t without overflow" for NaN, infinities or out-of-range floats into
// int64 (and finite floats beyond float32's range into float32).
Tensor fill_(const Tensor& self, const Scalar& value);
// value must be 0-d: "fill_ only supports 0-dimension value tensor but got
// tensor with 1 dimensions."
Tensor fill_(const Tensor& self, const Tensor& value);
Tensor zero_(const Tensor& self);

// self[...] = src: src broadcast to self's shape (never the other way) and
// converted to self's dtype.
Tensor copy_(const Tensor& self, const Tensor& src);

}  // namespace lesson::tensor
