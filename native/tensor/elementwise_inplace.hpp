// The checks PyTorch makes before an in-place op writes into `self`, in the
// order its TensorIterator makes them, with its texts.
#pragma once

#include <initializer_list>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// Errors when two elements of self share memory (an expanded tensor), or when
// an input overlaps self partly ("x[1:].add_(x[:-1])"). Inputs that are self
// itself, or that share memory in a way PyTorch cannot classify, pass.
void check_inplace_overlap(const Tensor& self, std::initializer_list<const Tensor*> inputs);

// Errors unless `broadcast` (the shape of self and all inputs broadcast
// together) is self's shape: an in-place result cannot grow.
void check_inplace_shape(const Tensor& self, const Shape& broadcast);

// Errors unless a result of dtype `result` can be stored in self.
void check_inplace_cast(const Tensor& self, DType result);

// `input` as the kernel may read it while writing self: a copy when it shares
// self's memory without being exactly self's view, so every element read is
// the value from before the op.
Tensor inplace_input(const Tensor& self, const Tensor& input);

}  // namespace lesson::tensor
