// Which dimensions a reduction removes, the shape it leaves, and how its
// input is laid out in memory for the kernels: every reduction reads a
// contiguous [batch, outer, reduce, inner] block, so kernels only ever see
// rows (inner == 1) or columns (inner > 1) of a plain buffer.
#pragma once

#include <cstdint>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// dim=int, dim=(a, b, ...) or dim absent. As in PyTorch 1.13, an empty list
// reduces over every dimension (x.sum(()) is x.sum()).
using DimList = std::vector<std::int64_t>;

// One flag per dimension (one flag for a 0-d tensor), set on the reduced
// ones. Every dim is wrapped first ("Dimension out of range ..."), then
// repeats are rejected: "dim 0 appears multiple times in the list of dims".
std::vector<bool> reduce_mask(const Tensor& self, const DimList& dims);

// The result shape: reduced dims dropped, or kept as size 1 with keepdim.
Shape reduced_shape(const Shape& shape, const std::vector<bool>& mask, bool keepdim);

// A contiguous buffer read as [batch, outer, reduce, inner], reduced over
// batch and reduce. batch > 1 only when the reduced dims form two blocks,
// the first of them leading (x.mean((0, 2, 3)) on [N, C, H, W] is batch N,
// outer C, reduce H*W), so no copy is needed for the common
// "everything but the channels" reductions.
struct ReduceShape {
  std::int64_t batch = 1;
  std::int64_t outer = 1;
  std::int64_t reduce = 1;
  std::int64_t inner = 1;
  std::int64_t outputs() const { return outer * inner; }
  std::int64_t count() const { return batch * reduce; }  // elements per output
};

struct ReducePlan {
  Tensor input;  // contiguous
  ReduceShape s;
  Shape out_shape;  // keepdim applied
};

// Reads a contiguous input in place when its reduced dims form one block,
// or two with the first leading; otherwise copies it with kept dims first
// and reduced dims last, so each output gets one contiguous row. With one
// block, elements along `reduce` are row-major over the reduced dims, so
// for a single reduced dim the position within a row is the index along it.
ReducePlan plan_reduction(const Tensor& self, const std::vector<bool>& mask, bool keepdim);

// reduce_mask for one dim: wraps it ("Dimension out of range ...") and flags it.
std::vector<bool> single_dim_mask(const Tensor& self, std::int64_t dim);

}  // namespace lesson::tensor
