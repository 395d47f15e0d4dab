#include "tensor/advanced_index_plan.hpp"

#include <algorithm>
#include <string>

#include "core/errors.hpp"
#include "tensor/reshape.hpp"
#include "tensor/views.hpp"

namespace lesson::tensor::detail {

namespace {

void check_index_types(const std::vector<Tensor>& indices) {
  for (const auto& t : indices) {
    if (t.defined() && t.dtype() == DType::Float32) {
      throw_index_error("tensors used as indices must be long, byte or bool tensors");
    }
  }
}

// mask.nonzero() as PyTorch lays it out, an [n, ndim] row-major int64 tensor,
// returned as its columns (one index tensor per mask dim, each a view).
std::vector<Tensor> mask_to_indices(const Tensor& mask) {
  const std::size_t nd = mask.shape().size();
  const Tensor m = mask.contiguous();
  const bool* p = m.data<bool>();
  const std::int64_t n = m.numel();
  std::int64_t count = 0;
  for (std::int64_t i = 0; i < n; ++i) count += p[i] ? 1 : 0;
  Tensor coords = Tensor::make({count, static_cast<std::int64_t>(nd)}, DType::Int64, false);
  std::int64_t* out = coords.data<std::int64_t>();
  std::vector<std::int64_t> pos(nd, 0);
  for (std::int64_t i = 0; i < n; ++i) {
    if (p[i]) {
      for (std::size_t d = 0; d < nd; ++d) *out++ = pos[d];
    }
    for (std::size_t d = nd; d-- > 0;) {
      if (++pos[d] < mask.shape()[d]) break;
      pos[d] = 0;
    }
  }
  std::vector<Tensor> columns;
  for (std::size_t d = 0; d < nd; ++d) columns.push_back(select(coords, 1, static_cast<std::int64_t>(d)));
  return columns;
}

}  // namespace

[[noreturn]] void throw_mask_mismatch(const Tensor& self, std::size_t src_dim, const Tensor& mask,
                                      std::size_t mask_dim) {
  throw_index_error("The shape of the mask " + shape_str(mask.shape()) + " at index " +
                    std::to_string(mask_dim) + " does not match the shape of the indexed tensor " +
                    shape_str(self.shape()) + " at index " + std::to_string(src_dim));
}

namespace {

// Masks become one int64 index tensor per mask dim, checked against the dims
// they cover (expandTensors).
std::vector<Tensor> expand_masks(const Tensor& self, const std::vector<Tensor>& indices) {
  std::vector<Tensor> out;
  for (const auto& index : indices) {
    if (!index.defined() || index.dtype() != DType::Bool) {
      out.push_back(index);
      continue;
    }
    for (std::size_t j = 0; j < index.shape().size(); ++j) {
      const std::size_t src_dim = out.size() + j;
      if (index.shape()[j] != self.size(static_cast<std::int64_t>(src_dim))) {
        throw_mask_mismatch(self, src_dim, index, j);
      }
    }
    for (auto& column : mask_to_indices(index)) out.push_back(column);
  }
  return out;
}

// The index tensors broadcast to one shape (expand_outplace).
Shape broadcast_indices(std::vector<Tensor>& indices) {
  Shape shape;
  bool first = true;
  try {
    for (const auto& t : indices) {
      if (!t.defined()) continue;
      shape = first ? t.shape() : broadcast_shapes(shape, t.shape());
      first = false;
    }
  } catch (const TorchError&) {
    std::string shapes;
    for (const auto& t : indices) {
      if (!t.defined()) continue;
      if (!shapes.empty()) shapes += ", ";
      shapes += shape_str(t.shape());
    }
    throw_index_error("shape mismatch: indexing tensors could not be broadcast together with shapes " +
                      shapes);
  }
  for (auto& t : indices) {
    if (t.defined() && t.shape() != shape) t = expand(t, shape);
  }
  return shape;
}

bool defined_dims_adjacent(const std::vector<Tensor>& indices) {
  const auto is_defined = [](const Tensor& t) { return t.defined(); };
  const auto first = std::find_if(indices.begin(), indices.end(), is_defined);
  const auto last = std::find_if(indices.rbegin(), indices.rend(), is_defined).base();
  return std::find_if(first, last, [](const Tensor& t) { return !t.defined(); }) == last;
}

// Strides TensorIterator sees for src (result-shaped, stride 0 along the
// index dims).
Strides restrided_src_strides(const IndexPlan& plan, std::size_t after) {
  const Strides& st = plan.src.strides();
  Strides out(st.begin(), st.begin() + static_cast<std::ptrdiff_t>(plan.before));
  out.insert(out.end(), plan.replacement.size(), 0);
  out.insert(out.end(), st.end() - static_cast<std::ptrdiff_t>(after), st.end());
  return out;
}

// x[mask] with nothing else indexed, the common case, planned without
// materializing mask.nonzero(): the selected offsets come from one scan of
// the mask. Same results, errors and output layout as the general plan.
IndexPlan make_mask_plan(const Tensor& self, const std::vector<Tensor>& raw_indices, std::size_t at) {
  const Tensor& mask = raw_indices[at];
  const std::size_t k = mask.shape().size();
  for (std::size_t j = 0; j < k; ++j) {
    if (mask.shape()[j] != self.size(static_cast<std::int64_t>(at + j)))
      throw_mask_mismatch(self, at + j, mask, j);
  }
  const std::size_t entries = raw_indices.size() - 1 + k;
  if (entries > self.shape().size()) self.size(static_cast<std::int64_t>(entries - 1));  // PyTorch's error
  IndexPlan plan;
  plan.src = self;
  plan.mask = mask.contiguous();
  plan.before = at;
  const std::size_t after = self.shape().size() - at - k;
  std::int64_t count = 0;
  const bool* m = plan.mask.data<bool>();
  const std::int64_t n = plan.mask.numel();
  for (std::int64_t i = 0; i < n; ++i) count += m[i] ? 1 : 0;
  plan.replacement = {count};
  for (std::size_t d = 0; d < self.shape().size(); ++d) {
    if (d >= at && d < at + k) {
      plan.indexed_sizes.push_back(self.shape()[d]);
      plan.indexed_strides.push_back(self.strides()[d]);
    } else {
      plan.rest_shape.push_back(self.shape()[d]);
      plan.rest_src_strides.push_back(self.strides()[d]);
    }
  }
  const Shape& s = self.shape();
  plan.result_shape.assign(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(at));
  plan.result_shape.push_back(count);
  plan.result_shape.insert(plan.result_shape.end(), s.end() - static_cast<std::ptrdiff_t>(after), s.end());
  plan.operands.push_back({plan.result_shape, restrided_src_strides(plan, after)});
  // Each nonzero() column is a [count] view with stride k, reshaped.
  Shape shape(at, 1);
  shape.push_back(count);
  shape.insert(shape.end(), after, 1);
  const Strides column = *view_strides({count}, {static_cast<std::int64_t>(k)}, shape);
  for (std::size_t j = 0; j < k; ++j) plan.operands.push_back({shape, column});
  return plan;
}

}  // namespace

IndexPlan make_plan(const Tensor& self, const std::vector<Tensor>& raw_indices) {
  check_index_types(raw_indices);
  std::size_t defined = 0, at = 0;
  for (std::size_t i = 0; i < raw_indices.size(); ++i) {
    if (raw_indices[i].defined()) {
      ++defined;
      at = i;
    }
  }
  if (defined == 1 && raw_indices[at].dtype() == DType::Bool && raw_indices[at].dim() > 0) {
    return make_mask_plan(self, raw_indices, at);
  }
  std::vector<Tensor> indices = expand_masks(self, raw_indices);
  IndexPlan plan;
  plan.replacement = broadcast_indices(indices);
  while (indices.size() < self.shape().size()) indices.emplace_back();
  plan.src = self;
  if (!defined_dims_adjacent(indices)) {
    std::vector<std::int64_t> dims;
    std::vector<Tensor> moved;
    for (std::size_t i = 0; i < self.shape().size(); ++i) {
      if (indices[i].defined()) {
        dims.push_back(static_cast<std::int64_t>(i));
        moved.push_back(indices[i]);
      }
    }
    for (std::size_t i = 0; i < self.shape().size(); ++i) {
      if (!indices[i].defined()) {
        dims.push_back(static_cast<std::int64_t>(i));
        moved.emplace_back();
      }
    }
    plan.src = permute(self, dims);
    indices = std::move(moved);
  }
  std::size_t after = 0, indexed = 0;
  for (std::size_t d = 0; d < indices.size(); ++d) {
    // More entries than dims (a mask's extra dims): PyTorch's size(dim) fails.
    if (d >= plan.src.shape().size()) plan.src.size(static_cast<std::int64_t>(d));
    if (!indices[d].defined()) {
      if (indexed == 0) {
        ++plan.before;
      } else {
        ++after;
      }
      plan.rest_shape.push_back(plan.src.shape()[d]);
      plan.rest_src_strides.push_back(plan.src.strides()[d]);
    } else {
      ++indexed;
      plan.index.push_back(indices[d]);
      plan.indexed_sizes.push_back(plan.src.shape()[d]);
      plan.indexed_strides.push_back(plan.src.strides()[d]);
    }
  }
  // No index can be valid for a size-0 dim, unless there are no indices.
  const bool zero_indexed =
      std::find(plan.indexed_sizes.begin(), plan.indexed_sizes.end(), 0) != plan.indexed_sizes.end();
  const bool zero_replacement =
      std::find(plan.replacement.begin(), plan.replacement.end(), 0) != plan.replacement.end();
  if (zero_indexed && !zero_replacement)
    throw_index_error("index is out of bounds for dimension with size 0");

  const Shape& s = plan.src.shape();
  plan.result_shape.assign(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(plan.before));
  plan.result_shape.insert(plan.result_shape.end(), plan.replacement.begin(), plan.replacement.end());
  plan.result_shape.insert(plan.result_shape.end(), s.end() - static_cast<std::ptrdiff_t>(after), s.end());

  // What TensorIterator iterates: src restrided to the result's shape
  // (stride 0 along the index dims), and each index reshaped to
  // [1]*before + its shape + [1]*after, broadcast.
  plan.operands.push_back({plan.result_shape, restrided_src_strides(plan, after)});
  for (const auto& t : plan.index) {
    Shape shape(plan.before, 1);
    shape.insert(shape.end(), t.shape().begin(), t.shape().end());
    shape.insert(shape.end(), after, 1);
    plan.operands.push_back({shape, reshape(t, shape).strides()});
  }
  return plan;
}

std::vector<std::int64_t> selected_offsets(const IndexPlan& plan) {
  const auto n = static_cast<std::size_t>(numel_of(plan.replacement));
  std::vector<std::int64_t> out(n, 0);
  if (plan.mask.defined()) {
    // Scan the mask once, keeping the offset of the current position.
    const Shape& shape = plan.mask.shape();
    const bool* m = plan.mask.data<bool>();
    std::vector<std::int64_t> pos(shape.size(), 0);
    std::int64_t offset = 0;
    std::size_t r = 0;
    const std::int64_t elements = plan.mask.numel();
    for (std::int64_t i = 0; i < elements; ++i) {
      if (m[i]) out[r++] = offset;
      for (std::size_t d = shape.size(); d-- > 0;) {
        offset += plan.indexed_strides[d];
        if (++pos[d] < shape[d]) break;
        offset -= plan.indexed_strides[d] * shape[d];
        pos[d] = 0;
      }
    }
    return out;
  }
  for (std::size_t k = 0; k < plan.index.size(); ++k) {
    const std::vector<std::int64_t> values = plan.index[k].to_int_vector();
    const std::int64_t size = plan.indexed_sizes[k];
    const std::int64_t stride = plan.indexed_strides[k];
    for (std::size_t r = 0; r < n; ++r) {
      std::int64_t v = values[r];
      if (v < -size || v >= size) {
        throw_index_error("index " + std::to_string(v) + " is out of bounds for dimension " +
                          std::to_string(k) + " with size " + std::to_string(size));
      }
      if (v < 0) v += size;
      out[r] += v * stride;
    }
  }
  return out;
}

}  // namespace lesson::tensor::detail
