// Advanced indexing: reading and writing through index tensors, what
// at::index and at::index_put_ do once the basic part of a subscript (ints,
// slices, None, ...) has been applied. Results are copies.
#pragma once

#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// self[i0, i1, ...] where each entry is an int64 index tensor, a bool mask
// (which stands for as many index tensors as it has dims), or an undefined
// Tensor (the whole dim). Index tensors broadcast together; their result
// dims replace the indexed dims in place when those are adjacent, else they
// go first (PyTorch's rule, as NumPy's).
Tensor index_with_tensors(const Tensor& self, const std::vector<Tensor>& indices);

// self[i0, i1, ...] = value (or += with accumulate, duplicates adding up).
// value must broadcast to the indexing result's shape and, unless it is a
// single value written through one mask, have self's dtype.
void index_put_with_tensors(const Tensor& self, const std::vector<Tensor>& indices, const Tensor& value,
                            bool accumulate = false);

}  // namespace lesson::tensor
