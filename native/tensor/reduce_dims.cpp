#include "tensor/reduce_dims.hpp"

#include <algorithm>
#include <string>

#include "core/errors.hpp"

namespace lesson::tensor {

std::vector<bool> reduce_mask(const Tensor& self, const DimList& dims) {
  const std::int64_t ndim = self.dim();
  std::vector<bool> mask(static_cast<std::size_t>(std::max<std::int64_t>(ndim, 1)), dims.empty());
  // PyTorch wraps the whole list before it looks for repeats, so (0, 0, 5)
  // on a 2-d tensor is an IndexError, not a repeat.
  std::vector<std::int64_t> wrapped;
  wrapped.reserve(dims.size());
  for (auto d : dims) wrapped.push_back(wrap_dim(d, ndim));
  for (auto d : wrapped) {
    if (mask[static_cast<std::size_t>(d)]) {
      throw_runtime_error("dim " + std::to_string(d) + " appears multiple times in the list of dims");
    }
    mask[static_cast<std::size_t>(d)] = true;
  }
  return mask;
}

std::vector<bool> single_dim_mask(const Tensor& self, std::int64_t dim) {
  return reduce_mask(self, DimList{dim});
}

Shape reduced_shape(const Shape& shape, const std::vector<bool>& mask, bool keepdim) {
  Shape out;
  for (std::size_t d = 0; d < shape.size(); ++d) {
    if (!mask[d]) {
      out.push_back(shape[d]);
    } else if (keepdim) {
      out.push_back(1);
    }
  }
  return out;
}

ReducePlan plan_reduction(const Tensor& self, const std::vector<bool>& mask, bool keepdim) {
  ReducePlan plan;
  const Shape& shape = self.shape();
  const std::size_t nd = shape.size();
  plan.out_shape = reduced_shape(shape, mask, keepdim);

  // Blocks of consecutive reduced dims. Size-1 dims change nothing in
  // memory, so they are skipped: they may count as reduced or kept.
  struct Block {
    std::size_t first, last;
  };
  std::vector<Block> blocks;
  bool leading = true;  // the first block starts before any kept dim
  bool in_block = false;
  for (std::size_t d = 0; d < nd; ++d) {
    if (shape[d] == 1) continue;
    if (mask[d]) {
      if (!in_block) blocks.push_back({d, d});
      blocks.back().last = d;
      in_block = true;
    } else {
      if (blocks.empty()) leading = false;
      in_block = false;
    }
  }

  const auto product = [&shape](std::size_t from, std::size_t to) {
    std::int64_t p = 1;
    for (std::size_t d = from; d < to; ++d) p *= shape[d];
    return p;
  };
  ReduceShape& s = plan.s;
  if (self.is_contiguous() && blocks.size() <= 1) {
    plan.input = self;
    if (blocks.empty()) {  // nothing of size > 1 is reduced: each element is its own row
      s.outer = self.numel();
      return plan;
    }
    s.outer = product(0, blocks[0].first);
    s.reduce = product(blocks[0].first, blocks[0].last + 1);
    s.inner = product(blocks[0].last + 1, nd);
    return plan;
  }
  if (self.is_contiguous() && blocks.size() == 2 && leading) {
    plan.input = self;
    s.batch = product(0, blocks[0].last + 1);
    s.outer = product(blocks[0].last + 1, blocks[1].first);
    s.reduce = product(blocks[1].first, blocks[1].last + 1);
    s.inner = product(blocks[1].last + 1, nd);
    return plan;
  }

  // Kept dims first, reduced dims last, then one copy into that order.
  Shape perm_shape;
  Strides perm_strides;
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t d = 0; d < nd; ++d) {
      if (mask[d] != (pass == 1)) continue;
      perm_shape.push_back(shape[d]);
      perm_strides.push_back(self.strides()[d]);
      (pass == 0 ? s.outer : s.reduce) *= shape[d];
    }
  }
  plan.input = self.as_strided(perm_shape, perm_strides, self.offset()).clone_data();
  return plan;
}

}  // namespace lesson::tensor
