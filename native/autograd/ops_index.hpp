// Differentiable subscripts: y = x[indices] and x[indices] = value.
#pragma once

#include <vector>

#include "autograd/node.hpp"
#include "tensor/scalar.hpp"
#include "tensor/tensor_index.hpp"

namespace lesson::autograd {

// The grad_fn is that of the last step PyTorch takes: IndexBackward0 when
// any index tensor or bool is involved, else SelectBackward0 (int),
// SliceBackward0 (slice), UnsqueezeBackward0 (None) or AliasBackward0 (x[...]).
// One node computes the gradient (PyTorch chains one per entry).
Tensor index(const Tensor& self, const std::vector<tensor::TensorIndex>& indices);

// In place; refused on leaves requiring grad. The new grad_fn is CopySlices
// (basic subscript) or IndexPutBackward0 (advanced).
void index_put(const Tensor& self, const std::vector<tensor::TensorIndex>& indices, const Tensor& value);
void index_put(const Tensor& self, const std::vector<tensor::TensorIndex>& indices, const tensor::Scalar& value);

}  // namespace lesson::autograd
