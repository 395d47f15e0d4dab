// The basic part of a subscript (at::indexing::impl), shared by reading and
// writing: ints select, slices narrow, None adds a dim, Ellipsis skips dims,
// and tensors and Python bools are collected for advanced indexing.
#pragma once

#include <cstdint>
#include <vector>

#include "tensor/tensor.hpp"
#include "tensor/tensor_index.hpp"

namespace lesson::tensor::detail {

// x[i] along `dim`; `real_dim` (the entry's position in the subscript) is
// what PyTorch names in the bounds message.
Tensor apply_select(const Tensor& self, std::int64_t dim, std::int64_t index, std::int64_t real_dim);
// x[a:b:c] along dim; step 0 or negative is a ValueError as in PyTorch.
Tensor apply_slice(const Tensor& self, std::int64_t dim, const Slice& slice);
// True indexes a new size-1 dim whole ([0]), False takes none of it ([]).
Tensor bool_to_index_tensor(bool value);

// Applies every basic entry and returns the view; index tensors land in
// `tensor_indices` at the result dim they index (undefined Tensors between).
Tensor apply_slicing(const Tensor& self, const std::vector<TensorIndex>& indices,
                     std::vector<Tensor>& tensor_indices);

}  // namespace lesson::tensor::detail
