// How an advanced index reads its source (internal to advanced_index.cpp):
// the index tensors checked, masks turned into index columns, broadcast,
// moved to the front when apart, and the offsets of the selected elements.
#pragma once

#include <cstdint>
#include <vector>

#include "tensor/layout.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor::detail {

// Everything the gather and scatter loops need: the (possibly permuted)
// source, which dims are indexed, and the result's shape.
struct IndexPlan {
  Tensor src;                 // self, indexed dims moved first if they were apart
  std::size_t before = 0;     // un-indexed dims ahead of the indexed ones
  std::vector<Tensor> index;  // the broadcast index tensors, in dim order
  Tensor mask;                // or the one mask that is the whole index
  std::vector<std::int64_t> indexed_sizes, indexed_strides;
  Shape replacement;  // the shape the index tensors broadcast to
  Shape result_shape;
  Shape rest_shape;  // un-indexed dims, before and after
  Strides rest_src_strides;
  std::vector<IteratorInput> operands;  // src and index tensors as TensorIterator sees them
};

// at::native::make_info: PyTorch's checks and errors in PyTorch's order.
IndexPlan make_plan(const Tensor& self, const std::vector<Tensor>& indices);

// For every index position (row-major over plan.replacement), the offset
// from src's first element of the element it selects; index values are
// wrapped when negative and bounds-checked with PyTorch's message.
std::vector<std::int64_t> selected_offsets(const IndexPlan& plan);

// "The shape of the mask [3] at index 0 does not match the shape of the
// indexed tensor [4] at index 0".
[[noreturn]] void throw_mask_mismatch(const Tensor& self, std::size_t src_dim, const Tensor& mask,
                                      std::size_t mask_dim);

}  // namespace lesson::tensor::detail
