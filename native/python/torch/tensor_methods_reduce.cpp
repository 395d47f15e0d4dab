// torch.Tensor's reductions: sum, mean, prod, var, std, max, min, argmax,
// argmin, all, any, norm, cumsum (differentiable where PyTorch's are).
#include <string>

#include "autograd/ops_reduce.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "tensor/reduce_logical.hpp"
#include "tensor/reduce_minmax.hpp"
#include "tensor/reduce_norm.hpp"

namespace lesson::python::torch {

namespace ag = lesson::autograd;
namespace ts = lesson::tensor;

namespace {

// PyTorch has no sum(keepdim=...) overload without a dim.
[[noreturn]] void raise_keepdim_without_dim(const char* fname) {
  raise(&t_TypeError, std::string(fname) +
                          "() received an invalid combination of arguments - got (keepdim=bool, ), but expected one "
                          "of:\n * (*, torch.dtype dtype)\n * (tuple of ints dim, bool keepdim, *, torch.dtype dtype)\n"
                          " * (tuple of names dim, bool keepdim, *, torch.dtype dtype)\n");
}

}  // namespace

// The bodies are shared with the torch.* functions (torch.sum(x, 1) is
// x.sum(1)); `a` starts with the tensor.
ObjRef reduce_sum(Vm& vm, const Args& a, const char* fname) {
  Object* out[4];
  parse_args(a, fname, {"input", "dim", "keepdim", "dtype"}, 1, out);
  Tensor x = tensor_arg(out[0], fname, "input", 1);
  if (given(out[3])) x = extra::to_dtype(x, dtype_arg(out[3], fname, "dtype", 4));
  const bool keepdim = bool_arg(vm, out[2], false);
  if (!given(out[1]) && given(out[2])) raise_keepdim_without_dim(fname);
  if (!given(out[1])) return wrap_tensor(ag::sum(x));
  return wrap_tensor(ag::sum(x, dims_arg(vm, out[1], fname), keepdim));
}

ObjRef reduce_mean(Vm& vm, const Args& a, const char* fname) {
  Object* out[4];
  parse_args(a, fname, {"input", "dim", "keepdim", "dtype"}, 1, out);
  Tensor x = tensor_arg(out[0], fname, "input", 1);
  if (given(out[3])) x = extra::to_dtype(x, dtype_arg(out[3], fname, "dtype", 4));
  const bool keepdim = bool_arg(vm, out[2], false);
  if (!given(out[1]) && given(out[2])) raise_keepdim_without_dim(fname);
  if (!given(out[1])) return wrap_tensor(ag::mean(x));
  return wrap_tensor(ag::mean(x, dims_arg(vm, out[1], fname), keepdim));
}

ObjRef reduce_var_std(Vm& vm, const Args& a, const char* fname, bool is_std) {
  Object* out[5];
  // x.var(False) passes unbiased positionally.
  if (a.npos >= 2 && is_bool(a[1])) {
    parse_args(a, fname, {"input", "unbiased", "keepdim", "dim", "correction"}, 1, out);
    std::swap(out[1], out[3]);
  } else {
    parse_args(a, fname, {"input", "dim", "unbiased", "keepdim", "correction"}, 1, out);
  }
  const Tensor& x = tensor_arg(out[0], fname, "input", 1);
  std::int64_t correction = bool_arg(vm, out[2], true) ? 1 : 0;
  if (given(out[4])) correction = index_value(vm, out[4]);
  tensor::DimList dims = dims_arg(vm, out[1], fname);
  const bool keepdim = bool_arg(vm, out[3], false);
  return wrap_tensor(is_std ? ag::std_dev(x, dims, correction, keepdim) : ag::var(x, dims, correction, keepdim));
}

ObjRef reduce_max_min(Vm& vm, const Args& a, const char* fname, bool is_max) {
  Object* out[3];
  parse_args(a, fname, {"input", "dim", "keepdim"}, 1, out);
  const Tensor& x = tensor_arg(out[0], fname, "input", 1);
  if (!given(out[1])) {
    if (given(out[2])) raise(&t_TypeError, std::string(fname) + "() received an invalid combination of arguments");
    return wrap_tensor(is_max ? ag::max(x) : ag::min(x));
  }
  if (is_tensor(out[1])) return wrap_tensor(is_max ? extra::maximum(x, tensor_value(out[1])) : extra::minimum(x, tensor_value(out[1])));
  if (!has_index(out[1]))
    raise(&t_TypeError, std::string(fname) + "(): argument 'dim' must be int, not " + arg_type_name(out[1]));
  std::int64_t dim = index_value(vm, out[1]);
  ts::ValuesIndices r = is_max ? ag::max(x, dim, bool_arg(vm, out[2], false)) : ag::min(x, dim, bool_arg(vm, out[2], false));
  return make_values_indices(is_max ? "max" : "min", r.values, r.indices);
}

ObjRef reduce_arg(Vm& vm, const Args& a, const char* fname, bool is_max) {
  Object* out[3];
  parse_args(a, fname, {"input", "dim", "keepdim"}, 1, out);
  const Tensor& x = tensor_arg(out[0], fname, "input", 1);
  std::optional<std::int64_t> dim;
  if (given(out[1])) dim = index_value(vm, out[1]);
  const bool keepdim = bool_arg(vm, out[2], false);
  return wrap_tensor(is_max ? ts::argmax(x, dim, keepdim) : ts::argmin(x, dim, keepdim));
}

ObjRef reduce_all_any(Vm& vm, const Args& a, const char* fname, bool is_all) {
  Object* out[3];
  parse_args(a, fname, {"input", "dim", "keepdim"}, 1, out);
  const Tensor& x = tensor_arg(out[0], fname, "input", 1);
  if (!given(out[1])) return wrap_tensor(is_all ? ts::all(x) : ts::any(x));
  std::int64_t dim = index_value(vm, out[1]);
  const bool keepdim = bool_arg(vm, out[2], false);
  return wrap_tensor(is_all ? ts::all(x, dim, keepdim) : ts::any(x, dim, keepdim));
}

ObjRef reduce_prod(Vm& vm, const Args& a, const char* fname) {
  Object* out[4];
  parse_args(a, fname, {"input", "dim", "keepdim", "dtype"}, 1, out);
  Tensor x = tensor_arg(out[0], fname, "input", 1);
  if (given(out[3])) x = extra::to_dtype(x, dtype_arg(out[3], fname, "dtype", 4));
  if (!given(out[1])) return wrap_tensor(extra::prod(x));
  return wrap_tensor(extra::prod(x, index_value(vm, out[1]), bool_arg(vm, out[2], false)));
}

ObjRef reduce_norm(Vm& vm, const Args& a, const char* fname) {
  Object* out[5];
  parse_args(a, fname, {"input", "p", "dim", "keepdim", "dtype"}, 1, out);
  const Tensor& x = tensor_arg(out[0], fname, "input", 1);
  tensor::DimList dims = dims_arg(vm, out[2], fname);
  const bool keepdim = bool_arg(vm, out[3], false);
  if (given(out[1]) && is_str(out[1])) {
    const std::string& p = str_value(out[1]);
    if (p != "fro" || dims.size() > 2) return wrap_tensor(ts::norm(x, p, dims, keepdim));
    return wrap_tensor(extra::norm(x, 2.0, dims, keepdim));
  }
  return wrap_tensor(extra::norm(x, double_arg(out[1], 2.0, fname, "p", 2), dims, keepdim));
}

ObjRef reduce_cumsum(Vm& vm, const Args& a, const char* fname) {
  Object* out[3];
  parse_args(a, fname, {"input", "dim", "dtype"}, 2, out);
  Tensor x = tensor_arg(out[0], fname, "input", 1);
  if (given(out[2])) x = extra::to_dtype(x, dtype_arg(out[2], fname, "dtype", 3));
  return wrap_tensor(extra::cumsum(x, index_value(vm, out[1])));
}

void init_tensor_methods_reduce() {
  Type* T = &tensor_type;
  add_method(T, "sum", [](Vm& vm, const Args& a) { return reduce_sum(vm, a, "sum"); });
  add_method(T, "mean", [](Vm& vm, const Args& a) { return reduce_mean(vm, a, "mean"); });
  add_method(T, "var", [](Vm& vm, const Args& a) { return reduce_var_std(vm, a, "var", false); });
  add_method(T, "std", [](Vm& vm, const Args& a) { return reduce_var_std(vm, a, "std", true); });
  add_method(T, "max", [](Vm& vm, const Args& a) { return reduce_max_min(vm, a, "max", true); });
  add_method(T, "min", [](Vm& vm, const Args& a) { return reduce_max_min(vm, a, "min", false); });
  add_method(T, "argmax", [](Vm& vm, const Args& a) { return reduce_arg(vm, a, "argmax", true); });
  add_method(T, "argmin", [](Vm& vm, const Args& a) { return reduce_arg(vm, a, "argmin", false); });
  add_method(T, "all", [](Vm& vm, const Args& a) { return reduce_all_any(vm, a, "all", true); });
  add_method(T, "any", [](Vm& vm, const Args& a) { return reduce_all_any(vm, a, "any", false); });
  add_method(T, "prod", [](Vm& vm, const Args& a) { return reduce_prod(vm, a, "prod"); });
  add_method(T, "norm", [](Vm& vm, const Args& a) { return reduce_norm(vm, a, "norm"); });
  add_method(T, "cumsum", [](Vm& vm, const Args& a) { return reduce_cumsum(vm, a, "cumsum"); });
}

}  // namespace lesson::python::torch
