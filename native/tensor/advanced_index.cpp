#include "tensor/advanced_index.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <type_traits>

#include "core/errors.hpp"
#include "tensor/advanced_index_plan.hpp"
#include "tensor/copy.hpp"
#include "tensor/dispatch.hpp"
#include "tensor/layout.hpp"
#include "tensor/memory_overlap.hpp"
#include "tensor/views.hpp"

namespace lesson::tensor {

using detail::IndexPlan;

namespace {

// ScalarType names as PyTorch prints them in index_put's dtype message.
const char* scalar_type_name(DType d) {
  switch (d) {
    case DType::Float32: return "Float";
    case DType::Int64: return "Long";
    case DType::Bool: return "Bool";
  }
  return "Float";
}
// A row-major walk over one shape with two sets of strides, reusable for
// many starting offsets without allocating each time.
class Walk2 {
 public:
  Walk2(Shape shape, Strides a, Strides b)
      : shape_(std::move(shape)), a_(std::move(a)), b_(std::move(b)), pos_(shape_.size(), 0) {}

  template <class F>
  void run(std::int64_t a0, std::int64_t b0, F&& f) {
    const std::size_t nd = shape_.size();
    if (nd == 0) {
      f(a0, b0);
      return;
    }
    for (auto s : shape_) {
      if (s == 0) return;
    }
    std::fill(pos_.begin(), pos_.end(), 0);
    const std::int64_t inner = shape_[nd - 1], ia = a_[nd - 1], ib = b_[nd - 1];
    std::int64_t a = a0, b = b0;
    while (true) {
      for (std::int64_t i = 0; i < inner; ++i) f(a + i * ia, b + i * ib);
      std::size_t d = nd - 1;
      while (true) {
        if (d == 0) return;
        --d;
        a += a_[d];
        b += b_[d];
        if (++pos_[d] < shape_[d]) break;
        a -= a_[d] * shape_[d];
        b -= b_[d] * shape_[d];
        pos_[d] = 0;
      }
    }
  }

 private:
  Shape shape_;
  Strides a_, b_;
  std::vector<std::int64_t> pos_;
};

// Calls f(a, b) for every element of the indexing result in row-major
// order: `a` is the offset in a result-shaped tensor with strides a_strides
// (the output, or the broadcast value), `b` the offset in src of the element
// it corresponds to. Row-major order keeps the result side sequential.
template <class F>
void for_each_indexed(const IndexPlan& plan, const Strides& a_strides,
                      const std::vector<std::int64_t>& selected, F&& f) {
  const std::size_t before = plan.before, reps = plan.replacement.size();
  const auto cut = [](const auto& v, std::size_t from, std::size_t to) {
    return std::decay_t<decltype(v)>(v.begin() + static_cast<std::ptrdiff_t>(from),
                                     v.begin() + static_cast<std::ptrdiff_t>(to));
  };
  const std::size_t after = plan.rest_shape.size() - before;
  Walk2 outer(cut(plan.rest_shape, 0, before), cut(a_strides, 0, before),
              cut(plan.rest_src_strides, 0, before));
  // The index positions: b walks a row-major counter, looked up in `selected`.
  Walk2 middle(plan.replacement, cut(a_strides, before, before + reps), contiguous_strides(plan.replacement));
  Walk2 inner(cut(plan.rest_shape, before, before + after), cut(a_strides, before + reps, a_strides.size()),
              cut(plan.rest_src_strides, before, before + after));
  const bool flat = after == 0;
  outer.run(0, 0, [&](std::int64_t a0, std::int64_t b0) {
    middle.run(a0, 0, [&](std::int64_t a1, std::int64_t r) {
      const std::int64_t b1 = b0 + selected[static_cast<std::size_t>(r)];
      if (flat) {
        f(a1, b1);
      } else {
        inner.run(a1, b1, f);
      }
    });
  });
}

// The mask when `self[indices] = value` is a masked fill (one mask, the
// other entries whole dims, one value), already shaped to broadcast to self.
std::optional<Tensor> masked_fill_mask(const Tensor& self, const std::vector<Tensor>& indices,
                                       const Tensor& value) {
  if (value.numel() != 1) return std::nullopt;
  std::int64_t covered = 0;
  Tensor mask;
  for (const auto& index : indices) {
    if (!index.defined()) {
      ++covered;
      continue;
    }
    if (index.dtype() != DType::Bool || mask.defined()) return std::nullopt;
    mask = index;
    for (std::size_t j = 0; j < index.shape().size(); ++j) {
      const std::size_t src_dim = static_cast<std::size_t>(covered) + j;
      if (index.shape()[j] != self.size(static_cast<std::int64_t>(src_dim))) {
        detail::throw_mask_mismatch(self, src_dim, index, j);
      }
    }
    covered += index.dim();
  }
  if (!mask.defined()) return std::nullopt;
  for (std::int64_t i = covered; i < self.dim(); ++i) mask = unsqueeze(mask, -1);
  return mask;
}

void masked_fill(const Tensor& self, const Tensor& mask, const Tensor& value) {
  const Strides mask_strides = broadcast_strides(mask, self.shape());
  const bool* m = mask.data<bool>();
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T v = dispatch(value.dtype(), [&](auto vtag) {
      using V = typename decltype(vtag)::type;
      return convert_element<T>(*value.data<V>());
    });
    T* out = self.data<T>();
    for_each_offset2(self.shape(), self.strides(), mask_strides, [&](std::int64_t o, std::int64_t mo) {
      if (m[mo]) out[o] = v;
    });
  });
}

bool expandable_to(const Shape& shape, const Shape& target) {
  if (shape.size() > target.size()) return false;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const auto have = shape[shape.size() - 1 - i];
    const auto want = target[target.size() - 1 - i];
    if (have != want && have != 1) return false;
  }
  return true;
}

}  // namespace

Tensor index_with_tensors(const Tensor& self, const std::vector<Tensor>& indices) {
  if (indices.size() > self.shape().size()) {
    throw_index_error("too many indices for tensor of dimension " + std::to_string(self.dim()) + " (got " +
                      std::to_string(indices.size()) + ")");
  }
  const IndexPlan plan = detail::make_plan(self, indices);
  const Strides out_strides = iterator_output_strides(plan.result_shape, plan.operands);
  Tensor out = empty_strided(plan.result_shape, out_strides, self.dtype());
  if (out.numel() == 0) return out;
  const auto selected = detail::selected_offsets(plan);
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* o = out.data<T>();
    const T* in = plan.src.data<T>();
    for_each_indexed(plan, out_strides, selected, [&](std::int64_t a, std::int64_t b) { o[a] = in[b]; });
  });
  return out;
}

void index_put_with_tensors(const Tensor& self, const std::vector<Tensor>& indices, const Tensor& value,
                            bool accumulate) {
  if (indices.size() > self.shape().size()) {
    throw_index_error("too many indices for tensor of dimension " + std::to_string(self.dim()) + " (got " +
                      std::to_string(indices.size()) + ")");
  }
  if (!accumulate) {
    if (const auto mask = masked_fill_mask(self, indices, value)) {
      masked_fill(self, *mask, value);
      return;
    }
  }
  assert_no_overlap(self, value);
  for (const auto& index : indices) {
    if (index.defined()) assert_no_overlap(self, index);
  }
  const IndexPlan plan = detail::make_plan(self, indices);
  if (!expandable_to(value.shape(), plan.result_shape)) {
    throw_runtime_error("shape mismatch: value tensor of shape " + shape_str(value.shape()) +
                        " cannot be broadcast to indexing result of shape " + shape_str(plan.result_shape));
  }
  if (value.dtype() != self.dtype()) {
    throw_runtime_error(std::string("Index put requires the source and destination dtypes match, got ") +
                        scalar_type_name(self.dtype()) + " for the destination and " +
                        scalar_type_name(value.dtype()) + " for the source.");
  }
  if (numel_of(plan.result_shape) == 0) return;
  const auto selected = detail::selected_offsets(plan);
  // A value sharing self's memory in a way the checks above cannot classify
  // (an expanded view, say) is read in full before anything is written.
  const Tensor source = value.shares_storage(self) ? value.clone_data() : value;
  const Strides value_strides = broadcast_strides(source, plan.result_shape);
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* dst = plan.src.data<T>();
    const T* v = source.data<T>();
    if (accumulate) {
      for_each_indexed(plan, value_strides, selected,
                       [&](std::int64_t a, std::int64_t b) { dst[b] = static_cast<T>(dst[b] + v[a]); });
    } else {
      for_each_indexed(plan, value_strides, selected, [&](std::int64_t a, std::int64_t b) { dst[b] = v[a]; });
    }
  });
}

}  // namespace lesson::tensor