// How a strided tensor lies in memory, by PyTorch's rules: whether it is
// dense without overlap, which strides a layout-preserving copy gets, when
// strides look channels-last, and which strides TensorIterator gives a
// freshly allocated output. Copies made with these strides make a later
// .view() or .is_contiguous() answer as it does in PyTorch.
#pragma once

#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// True when the elements fill a block of memory exactly once in some order
// (c10's is_non_overlapping_and_dense; size-0/1 dims are ignored).
bool is_non_overlapping_and_dense(const Shape& shape, const Strides& strides);
bool is_contiguous_strides(const Shape& shape, const Strides& strides);

// Dense strides that keep the order of `strides` (at::infer_dense_strides):
// what clone() of a strided, non-dense tensor gets.
Strides infer_dense_strides(const Shape& shape, const Strides& strides);

enum class MemoryFormat { Contiguous, ChannelsLast, ChannelsLast3d };

// Tensor::suggest_memory_format(): ChannelsLast for 4-d tensors whose
// strides order the dims N, H, W, C; ChannelsLast3d likewise for 5-d.
MemoryFormat suggest_memory_format(const Shape& shape, const Strides& strides);
Strides strides_for_format(const Shape& shape, MemoryFormat format);

// One input of an element-wise loop as TensorIterator sees it: its own
// shape (of the output's rank, size 1 where it broadcasts) and strides.
struct IteratorInput {
  Shape shape;
  Strides strides;
};

// The strides TensorIterator allocates an output of `shape` with: contiguous
// when all inputs have that shape and are contiguous, their strides when all
// are dense with equal strides, otherwise dense strides in the order its
// reorder_dimensions() sorts the inputs' strides into.
Strides iterator_output_strides(const Shape& shape, const std::vector<IteratorInput>& inputs);

// A tensor of `shape` with the given strides over a fresh storage just large
// enough (torch.empty_strided).
Tensor empty_strided(const Shape& shape, const Strides& strides, DType dtype);

}  // namespace lesson::tensor
