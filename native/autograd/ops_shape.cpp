#include "autograd/ops_shape.hpp"

#include "autograd/ops_util.hpp"
#include "tensor/clone.hpp"
#include "tensor/create.hpp"
#include "tensor/join.hpp"
#include "tensor/linalg.hpp"
#include "tensor/reduce_sum.hpp"
#include "tensor/repeat.hpp"
#include "tensor/reshape.hpp"
#include "tensor/split.hpp"
#include "tensor/views.hpp"

namespace lesson::autograd {

namespace T = lesson::tensor;
using Saved = std::vector<SavedTensor>;

namespace {

std::int64_t wrap(std::int64_t d, std::int64_t n) { return d < 0 ? d + n : d; }

void record_reshape_like(const char* name, const Tensor& a, const Tensor& out) {
  const T::Shape s = a.shape();
  record(name, {&a}, out, {}, [s](const Tensor& g, const Saved&) { return TensorList{T::reshape(g, s)}; });
}

// One node for ops with several outputs (split, chunk): the missing output
// gradients count as zeros and the pieces are concatenated back.
class SplitNode final : public Node {
 public:
  SplitNode(std::string name, std::int64_t dim) : name_(std::move(name)), dim_(dim) {}
  std::string name() const override { return name_; }
  TensorList apply(TensorList&& grads) override {
    std::vector<Tensor> parts;
    for (std::size_t i = 0; i < grads.size(); ++i) {
      parts.push_back(grads[i].defined() ? grads[i] : T::zeros(output_shapes[i]));
    }
    return {T::cat(parts, dim_)};
  }

 private:
  std::string name_;
  std::int64_t dim_;
};

std::vector<Tensor> record_split(const char* name, const Tensor& a, std::vector<Tensor> outs, std::int64_t dim) {
  if (needs_grad({&a})) {
    set_history(std::make_shared<SplitNode>(name, wrap(dim, a.dim())), std::vector<Tensor>{a}, outs);
  }
  return outs;
}

}  // namespace

Tensor view(const Tensor& a, const T::Shape& shape) {
  Tensor out = T::view(a, shape);
  record_reshape_like("ViewBackward0", a, out);
  return out;
}

Tensor reshape(const Tensor& a, const T::Shape& shape) {
  const T::Shape target = T::infer_size(shape, a.numel());
  const bool aliases = T::view_strides(a.shape(), a.strides(), target).has_value();
  Tensor out = T::reshape(a, shape);
  record_reshape_like(aliases ? "ReshapeAliasBackward0" : "UnsafeViewBackward0", a, out);
  return out;
}

Tensor flatten(const Tensor& a, std::int64_t start_dim, std::int64_t end_dim) {
  if (a.dim() == 0) return autograd::reshape(a, {1});
  const std::int64_t s = wrap(start_dim, a.dim()), e = wrap(end_dim, a.dim());
  if (s == e) {
    (void)T::flatten(a, start_dim, end_dim);  // its errors for bad dims
    return a;
  }
  return autograd::reshape(a, T::flatten(a, start_dim, end_dim).shape());
}

Tensor permute(const Tensor& a, const std::vector<std::int64_t>& dims) {
  Tensor out = T::permute(a, dims);
  std::vector<std::int64_t> inverse(dims.size());
  for (std::size_t i = 0; i < dims.size(); ++i) inverse[static_cast<std::size_t>(wrap(dims[i], a.dim()))] = static_cast<std::int64_t>(i);
  record("PermuteBackward0", {&a}, out, {}, [inverse](const Tensor& g, const Saved&) {
    return TensorList{T::permute(g, inverse)};
  });
  return out;
}

Tensor transpose(const Tensor& a, std::int64_t d0, std::int64_t d1) {
  Tensor out = T::transpose(a, d0, d1);
  record("TransposeBackward0", {&a}, out, {}, [d0, d1](const Tensor& g, const Saved&) {
    return TensorList{T::transpose(g, d0, d1)};
  });
  return out;
}

Tensor t(const Tensor& a) {
  Tensor out = T::t(a);
  record("TBackward0", {&a}, out, {}, [](const Tensor& g, const Saved&) { return TensorList{T::t(g)}; });
  return out;
}

Tensor unsqueeze(const Tensor& a, std::int64_t dim) {
  Tensor out = T::unsqueeze(a, dim);
  record_reshape_like("UnsqueezeBackward0", a, out);
  return out;
}

Tensor squeeze(const Tensor& a) {
  Tensor out = T::squeeze(a);
  record_reshape_like("SqueezeBackward0", a, out);
  return out;
}

Tensor squeeze(const Tensor& a, std::int64_t dim) {
  Tensor out = T::squeeze(a, dim);
  record_reshape_like("SqueezeBackward1", a, out);
  return out;
}

Tensor expand(const Tensor& a, const T::Shape& sizes) {
  Tensor out = T::expand(a, sizes);
  const T::Shape s = a.shape();
  record("ExpandBackward0", {&a}, out, {}, [s](const Tensor& g, const Saved&) { return TensorList{sum_to(g, s)}; });
  return out;
}

Tensor repeat(const Tensor& a, const std::vector<std::int64_t>& repeats) {
  Tensor out = T::repeat(a, repeats);
  const T::Shape s = a.shape();
  record("RepeatBackward0", {&a}, out, {}, [s, repeats](const Tensor& g, const Saved&) {
    // g has shape repeats[i] * padded[i]: split each dim into (repeat, size)
    // and sum over the repeat parts.
    const std::size_t lead = repeats.size() - s.size();
    T::Shape split_shape;
    T::DimList sum_dims;
    for (std::size_t i = 0; i < repeats.size(); ++i) {
      const std::int64_t size = i < lead ? 1 : s[i - lead];
      sum_dims.push_back(static_cast<std::int64_t>(split_shape.size()));
      split_shape.push_back(repeats[i]);
      split_shape.push_back(size);
    }
    Tensor summed = T::sum(T::reshape(g, split_shape), sum_dims);
    return TensorList{T::reshape(summed, s)};
  });
  return out;
}

Tensor cat(const std::vector<Tensor>& tensors, std::int64_t dim) {
  Tensor out = T::cat(tensors, dim);
  if (!needs_grad(tensors)) return out;
  std::vector<T::Shape> shapes;
  std::vector<SavedTensor> none;
  for (const Tensor& x : tensors) shapes.push_back(x.shape());
  const std::int64_t d = wrap(dim, out.dim());
  auto node = std::make_shared<LambdaNode>("CatBackward0", std::move(none), [shapes, d](const Tensor& g, const Saved&) {
    TensorList r;
    std::int64_t start = 0;
    for (const T::Shape& s : shapes) {
      // PyTorch's legacy rule lets 1-D empty tensors join anything: no slice.
      if (s.size() == 1 && s[0] == 0 && g.dim() != 1) {
        r.push_back(T::zeros(s));
        continue;
      }
      const std::int64_t len = s[static_cast<std::size_t>(d)];
      r.push_back(T::narrow(g, d, start, len));
      start += len;
    }
    return r;
  });
  set_history(node, tensors, std::vector<Tensor>{out});
  return out;
}

Tensor stack(const std::vector<Tensor>& tensors, std::int64_t dim) {
  Tensor out = T::stack(tensors, dim);
  if (!needs_grad(tensors)) return out;
  const std::int64_t d = wrap(dim, out.dim());
  const std::size_t n = tensors.size();
  auto node = std::make_shared<LambdaNode>("StackBackward0", std::vector<SavedTensor>{}, [n, d](const Tensor& g, const Saved&) {
    TensorList r;
    for (std::size_t i = 0; i < n; ++i) r.push_back(T::select(g, d, static_cast<std::int64_t>(i)));
    return r;
  });
  set_history(node, tensors, std::vector<Tensor>{out});
  return out;
}

std::vector<Tensor> split(const Tensor& a, std::int64_t split_size, std::int64_t dim) {
  return record_split("SplitBackward0", a, T::split(a, split_size, dim), dim);
}

std::vector<Tensor> split_with_sizes(const Tensor& a, const std::vector<std::int64_t>& sizes, std::int64_t dim) {
  return record_split("SplitWithSizesBackward0", a, T::split_with_sizes(a, sizes, dim), dim);
}

std::vector<Tensor> chunk(const Tensor& a, std::int64_t chunks, std::int64_t dim) {
  return record_split("SplitBackward0", a, T::chunk(a, chunks, dim), dim);
}

Tensor clone(const Tensor& a) {
  Tensor out = T::clone(a);
  record("CloneBackward0", {&a}, out, {}, [](const Tensor& g, const Saved&) { return TensorList{g}; });
  return out;
}

Tensor contiguous(const Tensor& a) {
  if (a.is_contiguous()) return a;
  // A row-major copy (clone() would keep a transposed layout).
  Tensor out = T::contiguous_copy(a);
  record("CloneBackward0", {&a}, out, {}, [](const Tensor& g, const Saved&) { return TensorList{g}; });
  return out;
}

Tensor detach(const Tensor& a) { return T::detach(a); }

}  // namespace lesson::autograd
