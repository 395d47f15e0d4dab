// Python subscripts on tensors, as PyTorch 1.13 evaluates them:
//   y = x[indices]        -> index(x, indices)
//   x[indices] = value    -> index_put(x, indices, value)
// A one-entry `indices` is the bare subscript x[i] (PyTorch has fast paths
// for it that differ in a few error texts from x[(i,)]); several entries are
// the tuple x[i, j, ...].
//
// Ints, slices, None and Ellipsis alone give views of x ("basic indexing");
// any index tensor or Python bool makes the result a copy ("advanced").
#pragma once

#include <vector>

#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"
#include "tensor/tensor_index.hpp"

namespace lesson::tensor {

Tensor index(const Tensor& self, const std::vector<TensorIndex>& indices);

// Writes value (broadcast, converted to self's dtype where PyTorch converts)
// into the indexed elements of self, in place, and bumps self's version.
void index_put(const Tensor& self, const std::vector<TensorIndex>& indices, const Tensor& value);
// A Python number value: first made a 0-d tensor of self's dtype.
void index_put(const Tensor& self, const std::vector<TensorIndex>& indices, const Scalar& value);

}  // namespace lesson::tensor
