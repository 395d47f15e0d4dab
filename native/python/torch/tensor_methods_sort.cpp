// Ordering methods: sort, argsort and topk along a dim (values and int64
// indices, as torch.return_types.sort / topk), differentiable through the
// values (SortBackward0 / TopkBackward0), plus softmax / log_softmax.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "autograd/ops_util.hpp"
#include "core/errors.hpp"
#include "nn/activation.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "tensor/clone.hpp"
#include "tensor/create.hpp"
#include "tensor/views.hpp"

namespace lesson::python::torch {

namespace ag = lesson::autograd;
namespace ts = lesson::tensor;

namespace {

struct Ordered {
  Tensor values;
  Tensor indices;
};

// x with `dim` moved last, as a contiguous copy, and the shape to move back.
Tensor dim_last(const Tensor& x, std::int64_t d) {
  return ts::contiguous_copy(ts::transpose(x, d, x.dim() - 1));
}

Tensor dim_back(const Tensor& y, std::int64_t d) {
  return ts::contiguous_copy(ts::transpose(y, d, y.dim() - 1));
}

// The first `k` positions of each row of x along d, ordered largest first
// when `descending` (NaN counts as the largest value, as in PyTorch).
Ordered order_along(const Tensor& input, std::int64_t dim, bool descending, std::int64_t k, const char* name) {
  const Tensor x = input.dim() == 0 ? ts::unsqueeze(input, 0) : input;
  const std::int64_t d = ts::wrap_dim(dim, x.dim());
  const std::int64_t n = x.shape()[static_cast<std::size_t>(d)];
  if (k < 0 || k > n) throw_runtime_error(std::string(name) == "topk" ? "selected index k out of range" : "invalid k");
  Tensor moved = dim_last(x, d);
  const std::int64_t rows = n == 0 ? 0 : moved.numel() / n;
  std::vector<double> v = moved.to_double_vector();
  std::vector<std::int64_t> iv;
  if (x.dtype() != ts::DType::Float32) iv = moved.to_int_vector();
  std::vector<std::int64_t> out_idx;
  out_idx.reserve(static_cast<std::size_t>(rows * k));
  std::vector<std::int64_t> order(static_cast<std::size_t>(n));
  for (std::int64_t r = 0; r < rows; ++r) {
    const double* row = v.data() + r * n;
    std::iota(order.begin(), order.end(), 0);
    auto less = [row](std::int64_t a, std::int64_t b) {
      const double x1 = row[a], x2 = row[b];
      if (std::isnan(x1)) return false;
      if (std::isnan(x2)) return true;
      return x1 < x2;
    };
    if (descending) {
      std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) { return less(b, a); });
    } else {
      std::stable_sort(order.begin(), order.end(), less);
    }
    out_idx.insert(out_idx.end(), order.begin(), order.begin() + k);
  }
  ts::Shape out_shape = moved.shape();
  out_shape.back() = k;
  Tensor idx = ts::from_ints(out_shape, out_idx);
  Tensor vals;
  if (x.dtype() == ts::DType::Float32) {
    std::vector<double> ov;
    ov.reserve(out_idx.size());
    for (std::size_t i = 0; i < out_idx.size(); ++i) ov.push_back(v[(i / static_cast<std::size_t>(k)) * static_cast<std::size_t>(n) + static_cast<std::size_t>(out_idx[i])]);
    vals = ts::from_doubles(out_shape, ov, ts::DType::Float32);
  } else {
    std::vector<std::int64_t> ov;
    ov.reserve(out_idx.size());
    for (std::size_t i = 0; i < out_idx.size(); ++i) ov.push_back(iv[(i / static_cast<std::size_t>(k)) * static_cast<std::size_t>(n) + static_cast<std::size_t>(out_idx[i])]);
    vals = ts::from_ints(out_shape, ov, x.dtype());
  }
  Ordered r{dim_back(vals, d), dim_back(idx, d)};
  if (input.dim() == 0) {
    r.values = ts::squeeze(r.values, 0).contiguous();
    r.indices = ts::squeeze(r.indices, 0).contiguous();
  }
  // The gradient goes back to the positions the values came from.
  const ts::Shape in_shape = input.shape();
  const Tensor moved_idx = ts::from_ints(out_shape, out_idx);
  ag::record(std::string(name) == "topk" ? "TopkBackward0" : "SortBackward0", {&input}, r.values, {},
             [in_shape, moved_idx, d, n](const Tensor& grad, const std::vector<ag::SavedTensor>&) -> ag::TensorList {
               const bool scalar = in_shape.empty();
               Tensor g = scalar ? ts::unsqueeze(grad, 0) : grad;
               Tensor gm = dim_last(g.to_dtype(ts::DType::Float32), d);
               const std::int64_t kk = gm.shape().empty() ? 1 : gm.shape().back();
               const std::int64_t nrows = kk == 0 ? 0 : gm.numel() / kk;
               ts::Shape full = gm.shape();
               full.back() = n;
               Tensor out = ts::zeros(full);
               const float* src = gm.data<float>();
               float* dst = out.data<float>();
               const std::int64_t* ix = moved_idx.data<std::int64_t>();
               for (std::int64_t r2 = 0; r2 < nrows; ++r2)
                 for (std::int64_t j = 0; j < kk; ++j) dst[r2 * n + ix[r2 * kk + j]] += src[r2 * kk + j];
               Tensor back = dim_back(out, d);
               return {scalar ? ts::squeeze(back, 0) : back};
             });
  return r;
}

ObjRef sort_method(Vm& vm, const Args& a, const char* fname) {
  Object* out[4];
  parse_args(a, fname, {"input", "dim", "descending", "stable"}, 1, out);
  const Tensor& x = tensor_arg(out[0], fname, "input", 1);
  std::int64_t dim = int_arg(vm, out[1], -1);
  const std::int64_t n = x.dim() == 0 ? 1 : x.shape()[static_cast<std::size_t>(ts::wrap_dim(dim, x.dim()))];
  Ordered r = order_along(x, dim, bool_arg(vm, out[2], false), n, "sort");
  return make_values_indices("sort", r.values, r.indices);
}

ObjRef argsort_method(Vm& vm, const Args& a, const char* fname) {
  Object* out[4];
  parse_args(a, fname, {"input", "dim", "descending", "stable"}, 1, out);
  const Tensor& x = tensor_arg(out[0], fname, "input", 1);
  std::int64_t dim = int_arg(vm, out[1], -1);
  const std::int64_t n = x.dim() == 0 ? 1 : x.shape()[static_cast<std::size_t>(ts::wrap_dim(dim, x.dim()))];
  return wrap_tensor(order_along(ts::detach(x), dim, bool_arg(vm, out[2], false), n, "sort").indices);
}

ObjRef topk_method(Vm& vm, const Args& a, const char* fname) {
  Object* out[5];
  parse_args(a, fname, {"input", "k", "dim", "largest", "sorted"}, 2, out);
  const Tensor& x = tensor_arg(out[0], fname, "input", 1);
  Ordered r = order_along(x, int_arg(vm, out[2], -1), bool_arg(vm, out[3], true), index_value(vm, out[1]), "topk");
  return make_values_indices("topk", r.values, r.indices);
}

ObjRef softmax_method(Vm& vm, const Args& a, const char* fname, bool log) {
  Object* out[3];
  parse_args(a, fname, {"input", "dim", "dtype"}, 2, out);
  Tensor x = tensor_arg(out[0], fname, "input", 1);
  if (given(out[2])) x = extra::to_dtype(x, dtype_arg(out[2], fname, "dtype", 3));
  const std::int64_t dim = index_value(vm, out[1]);
  return wrap_tensor(log ? lesson::nn::log_softmax(x, dim) : lesson::nn::softmax(x, dim));
}

}  // namespace

void init_tensor_methods_sort() {
  Type* T = &tensor_type;
  add_method(T, "sort", [](Vm& vm, const Args& a) { return sort_method(vm, a, "sort"); });
  add_method(T, "argsort", [](Vm& vm, const Args& a) { return argsort_method(vm, a, "argsort"); });
  add_method(T, "topk", [](Vm& vm, const Args& a) { return topk_method(vm, a, "topk"); });
  add_method(T, "softmax", [](Vm& vm, const Args& a) { return softmax_method(vm, a, "softmax", false); });
  add_method(T, "log_softmax", [](Vm& vm, const Args& a) { return softmax_method(vm, a, "log_softmax", true); });
}

}  // namespace lesson::python::torch
