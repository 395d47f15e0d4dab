// Differentiable ops the Tensor API needs beyond native/autograd's set, each
// recorded as one node named as PyTorch 1.13 prints it.
#include <cmath>
#include <limits>

#include "autograd/grad_mode.hpp"
#include "core/errors.hpp"
#include "tensor/clone.hpp"
#include "autograd/graph.hpp"
#include "autograd/ops_util.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_binary.hpp"
#include "tensor/elementwise_bitwise.hpp"
#include "tensor/elementwise_clamp.hpp"
#include "tensor/elementwise_compare.hpp"
#include "tensor/elementwise_fill.hpp"
#include "tensor/elementwise_inplace.hpp"
#include "tensor/elementwise_pow.hpp"
#include "tensor/elementwise_unary.hpp"
#include "tensor/elementwise_where.hpp"
#include "tensor/reduce_cumsum.hpp"
#include "tensor/reduce_norm.hpp"
#include "tensor/reduce_sum.hpp"
#include "tensor/reshape.hpp"

namespace lesson::python::torch::extra {

namespace ag = lesson::autograd;
namespace ts = lesson::tensor;
using ag::SavedTensor;
using ag::TensorList;

namespace {

// -1, 0 or 1 per element, as float32.
Tensor sign_of(const Tensor& x) {
  return ts::where(ts::gt(x, ts::Scalar(0)), ts::Scalar(1.0), ts::where(ts::lt(x, ts::Scalar(0)), ts::Scalar(-1.0), ts::Scalar(0.0)));
}

// A reduced tensor shaped back with its reduced dims kept as size 1.
Tensor keepdim_view(const Tensor& r, const ts::Shape& input_shape, const ts::DimList& dims) {
  ts::Shape kept = input_shape;
  const auto nd = static_cast<std::int64_t>(input_shape.size());
  if (dims.empty()) {
    for (auto& s : kept) s = 1;
  } else {
    for (std::int64_t d : dims) kept[static_cast<std::size_t>(ts::wrap_dim(d, nd))] = 1;
  }
  return ts::reshape(r.contiguous(), kept);
}

}  // namespace

Tensor norm(const Tensor& x, double p, const ts::DimList& dims, bool keepdim) {
  Tensor out = ts::norm(x, p, dims, keepdim);
  const ts::Shape shape = x.shape();
  ag::record("NormBackward1", {&x}, out, {SavedTensor(x), SavedTensor(out)},
             [p, dims, shape](const Tensor& grad, const std::vector<SavedTensor>& saved) -> TensorList {
               Tensor xs = saved[0].unpack();
               Tensor n = keepdim_view(saved[1].unpack(), shape, dims);
               Tensor g = keepdim_view(grad, shape, dims);
               Tensor local;
               if (p == 0.0) {
                 local = ts::zeros(shape);
               } else if (std::isinf(p)) {
                 Tensor hit = ts::eq(ts::abs(xs), n).to_dtype(ts::DType::Float32);
                 Tensor count = ts::sum(hit, dims, true);
                 local = ts::div(ts::mul(sign_of(xs), hit), count);
               } else if (p == 1.0) {
                 local = sign_of(xs);
               } else if (p == 2.0) {
                 local = ts::where(ts::eq(n, ts::Scalar(0)), ts::Scalar(0.0), ts::div(xs, n));
               } else {
                 Tensor num = ts::mul(sign_of(xs), ts::pow(ts::abs(xs), ts::Scalar(p - 1)));
                 local = ts::where(ts::eq(n, ts::Scalar(0)), ts::Scalar(0.0), ts::div(num, ts::pow(n, ts::Scalar(p - 1))));
               }
               return {ts::mul(local, g)};
             });
  return out;
}

namespace {

// d prod / dx_i = product of the others, computed without dividing (so
// zeros are handled): exclusive prefix times exclusive suffix products.
Tensor prod_grad_along(const Tensor& x, std::int64_t dim) {
  const ts::Shape shape = x.shape();
  Tensor xc = x.contiguous();
  Tensor out = ts::empty(shape);
  const std::int64_t nd = x.dim();
  std::int64_t outer = 1, inner = 1, n = nd == 0 ? 1 : shape[static_cast<std::size_t>(dim)];
  for (std::int64_t i = 0; i < dim; ++i) outer *= shape[static_cast<std::size_t>(i)];
  for (std::int64_t i = dim + 1; i < nd; ++i) inner *= shape[static_cast<std::size_t>(i)];
  const float* src = xc.data<float>();
  float* dst = out.data<float>();
  for (std::int64_t o = 0; o < outer; ++o) {
    for (std::int64_t in = 0; in < inner; ++in) {
      const std::int64_t base = o * n * inner + in;
      double prefix = 1.0;
      for (std::int64_t k = 0; k < n; ++k) {
        dst[base + k * inner] = static_cast<float>(prefix);
        prefix *= src[base + k * inner];
      }
      double suffix = 1.0;
      for (std::int64_t k = n - 1; k >= 0; --k) {
        dst[base + k * inner] = static_cast<float>(dst[base + k * inner] * suffix);
        suffix *= src[base + k * inner];
      }
    }
  }
  return out;
}

}  // namespace

Tensor prod(const Tensor& x) {
  Tensor out = ts::prod(x);
  const ts::Shape shape = x.shape();
  ag::record("ProdBackward0", {&x}, out, {SavedTensor(x)},
             [shape](const Tensor& grad, const std::vector<SavedTensor>& saved) -> TensorList {
               Tensor flat = ts::reshape(saved[0].unpack().contiguous(), {ts::numel_of(shape)});
               Tensor local = ts::reshape(prod_grad_along(flat, 0), shape);
               return {ts::mul(local, grad)};
             });
  return out;
}

Tensor prod(const Tensor& x, std::int64_t dim, bool keepdim) {
  Tensor out = ts::prod(x, dim, keepdim);
  const ts::Shape shape = x.shape();
  const std::int64_t d = ts::wrap_dim(dim, x.dim());
  ag::record("ProdBackward1", {&x}, out, {SavedTensor(x)},
             [shape, d](const Tensor& grad, const std::vector<SavedTensor>& saved) -> TensorList {
               Tensor local = prod_grad_along(saved[0].unpack(), d);
               return {ts::mul(local, keepdim_view(grad, shape, {d}))};
             });
  return out;
}

Tensor cumsum(const Tensor& x, std::int64_t dim) {
  Tensor out = ts::cumsum(x, dim);
  const std::int64_t d = x.dim() == 0 ? 0 : ts::wrap_dim(dim, x.dim());
  ag::record("CumsumBackward0", {&x}, out, {}, [d](const Tensor& grad, const std::vector<SavedTensor>&) -> TensorList {
    if (grad.dim() == 0) return {grad};
    // sum_{j >= i} g_j = total - cumsum_i + g_i
    Tensor total = ts::sum(grad, {d}, true);
    return {ts::add(ts::sub(total, ts::cumsum(grad, d)), grad)};
  });
  return out;
}

Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b) {
  Tensor out = ts::where(cond, a, b);
  const ts::Shape sa = a.shape(), sb = b.shape();
  ag::record("WhereBackward0", {&a, &b}, out, {SavedTensor(cond)},
             [sa, sb](const Tensor& grad, const std::vector<SavedTensor>& saved) -> TensorList {
               Tensor c = saved[0].unpack();
               return {ag::sum_to(ts::where(c, grad, ts::Scalar(0.0)), sa),
                       ag::sum_to(ts::where(c, ts::Scalar(0.0), grad), sb)};
             });
  return out;
}

namespace {

Tensor extremum(const Tensor& a, const Tensor& b, bool is_max) {
  Tensor out = is_max ? ts::maximum(a, b) : ts::minimum(a, b);
  const ts::Shape sa = a.shape(), sb = b.shape();
  ag::record(is_max ? "MaximumBackward0" : "MinimumBackward0", {&a, &b}, out, {SavedTensor(a), SavedTensor(b)},
             [sa, sb, is_max](const Tensor& grad, const std::vector<SavedTensor>& saved) -> TensorList {
               Tensor x = saved[0].unpack(), y = saved[1].unpack();
               Tensor wins = (is_max ? ts::gt(x, y) : ts::lt(x, y)).to_dtype(ts::DType::Float32);
               Tensor ties = ts::mul(ts::eq(x, y).to_dtype(ts::DType::Float32), ts::Scalar(0.5));
               Tensor wa = ts::add(wins, ties);
               Tensor wb = ts::sub(ts::Scalar(1.0), wa);
               return {ag::sum_to(ts::mul(grad, wa), sa), ag::sum_to(ts::mul(grad, wb), sb)};
             });
  return out;
}

}  // namespace

Tensor maximum(const Tensor& a, const Tensor& b) { return extremum(a, b, true); }
Tensor minimum(const Tensor& a, const Tensor& b) { return extremum(a, b, false); }

Tensor masked_fill(const Tensor& x, const Tensor& mask, const Tensor& value) {
  if (mask.dtype() != ts::DType::Bool)
    throw_runtime_error(std::string("masked_fill_ only supports boolean masks, but got mask with dtype ") +
                        (mask.dtype() == ts::DType::Int64 ? "long int" : "float"));
  if (value.dim() != 0)
    throw_runtime_error("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with " +
                        std::to_string(value.dim()) + " dimension(s).");
  Tensor out = ts::clone(x);
  ts::copy_(out, ts::where(mask, value.to_dtype(x.dtype()), x));
  const ts::Shape sx = x.shape();
  ag::record("MaskedFillBackward0", {&x}, out, {SavedTensor(mask)},
             [sx](const Tensor& grad, const std::vector<SavedTensor>& saved) -> TensorList {
               return {ag::sum_to(ts::where(saved[0].unpack(), ts::Scalar(0.0), grad), sx)};
             });
  return out;
}

Tensor to_dtype(const Tensor& x, ts::DType dtype) {
  if (x.dtype() == dtype) return x;
  Tensor out = x.to_dtype(dtype);
  if (ts::is_floating(dtype)) {
    const ts::DType from = x.dtype();
    ag::record("ToCopyBackward0", {&x}, out, {}, [from](const Tensor& grad, const std::vector<SavedTensor>&) -> TensorList {
      return {grad.to_dtype(from)};
    });
  }
  return out;
}

Tensor clamp(const Tensor& x, const Tensor& min, const Tensor& max) {
  Tensor out = ts::clamp(x, min, max);
  const ts::Shape sx = x.shape();
  ag::record("ClampBackward0", {&x}, out, {SavedTensor(x), SavedTensor(min), SavedTensor(max)},
             [sx](const Tensor& grad, const std::vector<SavedTensor>& saved) -> TensorList {
               Tensor xs = saved[0].unpack(), lo = saved[1].unpack(), hi = saved[2].unpack();
               Tensor pass = ts::ones(xs.shape(), ts::DType::Bool);
               if (lo.defined()) pass = ts::bitwise_and(pass, ts::ge(xs, lo));
               if (hi.defined()) pass = ts::bitwise_and(pass, ts::le(xs, hi));
               return {ag::sum_to(ts::where(pass, grad, ts::Scalar(0.0)), sx)};
             });
  return out;
}

Tensor remainder(const Tensor& x, const Tensor& other) {
  Tensor out = ts::remainder(x, other);
  const ts::Shape sx = x.shape(), so = other.shape();
  ag::record("RemainderBackward1", {&x, &other}, out, {SavedTensor(x), SavedTensor(other)},
             [sx, so](const Tensor& grad, const std::vector<SavedTensor>& saved) -> TensorList {
               Tensor q = ts::floor_divide(saved[0].unpack(), saved[1].unpack());
               return {ag::sum_to(grad, sx), ag::sum_to(ts::neg(ts::mul(grad, q)), so)};
             });
  return out;
}

Tensor remainder(const Tensor& x, const ts::Scalar& other) {
  Tensor out = ts::remainder(x, other);
  ag::record("RemainderBackward0", {&x}, out, {}, [](const Tensor& grad, const std::vector<SavedTensor>&) -> TensorList {
    return {grad};
  });
  return out;
}

Tensor inplace_source(const Tensor& x) {
  if (!ag::needs_grad({&x})) return x;
  Tensor copy = ts::contiguous_copy(x);
  auto& meta = copy.impl()->autograd;
  meta.requires_grad = true;
  meta.grad_fn = x.grad_fn();
  meta.output_nr = x.impl()->autograd.output_nr;
  return copy;
}

void rebase_history(const Tensor& x, const char* name, const Tensor* src) {
  const ts::Shape sx = x.shape();
  if (src) {
    const ts::Shape ss = src->shape();
    ag::record(name, {&x, src}, x, {}, [sx, ss](const Tensor& grad, const std::vector<SavedTensor>&) -> TensorList {
      return {ts::zeros(sx), ag::sum_to(grad, ss)};
    });
  } else {
    ag::record(name, {&x}, x, {}, [sx](const Tensor&, const std::vector<SavedTensor>&) -> TensorList {
      return {ts::zeros(sx)};
    });
  }
}

namespace {

// Nodes of ops whose result is a view of their input.
bool is_view_node(const ag::Node& n) {
  static const char* const names[] = {"SelectBackward0",  "SliceBackward0",     "ViewBackward0",
                                      "AliasBackward0",   "TransposeBackward0", "PermuteBackward0",
                                      "TBackward0",       "UnsqueezeBackward0", "SqueezeBackward0",
                                      "SqueezeBackward1", "ExpandBackward0",    "UnbindBackward0",
                                      "SplitBackward0",   "SplitWithSizesBackward0", "ReshapeAliasBackward0"};
  const std::string name = n.name();
  for (const char* v : names)
    if (name == v) return true;
  return false;
}

}  // namespace

void check_inplace_target(const Tensor& x) {
  ag::check_inplace(x);
  if (!ag::grad_enabled() || !x.defined() || !x.grad_fn()) return;
  // PyTorch refuses in-place writes through a view of a leaf that requires
  // grad (x[0].add_(1)); follow the chain of views back to its base.
  std::shared_ptr<ag::Node> node = x.grad_fn();
  while (node && is_view_node(*node) && !node->next_edges.empty()) {
    const std::shared_ptr<ag::Node>& next = node->next_edges[0].function;
    if (next && next->name() == "AccumulateGrad")
      throw_runtime_error("a view of a leaf Variable that requires grad is being used in an in-place operation.");
    node = next;
  }
}

void assign_inplace(const Tensor& x, const Tensor& r) {
  check_inplace_target(x);
  ts::check_inplace_cast(x, r.dtype());
  ts::check_inplace_shape(x, r.shape());
  ts::copy_(x, r);
  if (r.grad_fn()) {
    auto& meta = x.impl()->autograd;
    meta.grad_fn = r.grad_fn();
    meta.output_nr = r.impl()->autograd.output_nr;
    meta.requires_grad = true;
  }
}

}  // namespace lesson::python::torch::extra
