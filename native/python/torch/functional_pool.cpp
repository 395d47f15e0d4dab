// torch.nn.functional pooling ops: max_pool1d/2d, avg_pool1d/2d,
// adaptive_avg_pool1d/2d, adaptive_max_pool1d/2d (native/nn), reached through
// the Python wrappers in functional_source.cpp.
#include "nn/adaptive_pool.hpp"
#include "nn/avg_pool.hpp"
#include "nn/max_pool.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/torch/functional_args.hpp"
#include "python/torch/tensor_object.hpp"

namespace lesson::python::torch {

namespace {

ObjRef pair_result(const nn::PoolWithIndices& r) {
  return ObjRef(make_tuple({wrap_tensor(r.output).get(), wrap_tensor(r.indices).get()}).get());
}

// _max_pool{1,2}d(input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)
template <int D>
ObjRef max_pool_native(Vm& vm, const Args& a) {
  const char* f = D == 1 ? "max_pool1d" : "max_pool2d";
  check_nargs(a, f, 7, 7);
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  nn::IntList k = int_list_arg(vm, a[1], f, "kernel_size", 2);
  nn::IntList s = optional_int_list(vm, a[2], f, "stride", 3);
  nn::IntList p = int_list_arg(vm, a[3], f, "padding", 4);
  nn::IntList d = int_list_arg(vm, a[4], f, "dilation", 5);
  bool ceil = flag_arg(vm, a[5]);
  if (flag_arg(vm, a[6]))
    return pair_result(D == 1 ? nn::max_pool1d_with_indices(x, k, s, p, d, ceil)
                              : nn::max_pool2d_with_indices(x, k, s, p, d, ceil));
  return wrap_tensor(D == 1 ? nn::max_pool1d(x, k, s, p, d, ceil) : nn::max_pool2d(x, k, s, p, d, ceil));
}

// _avg_pool1d(input, kernel_size, stride, padding, ceil_mode, count_include_pad)
ObjRef avg_pool1d_native(Vm& vm, const Args& a) {
  const char* f = "avg_pool1d";
  check_nargs(a, f, 6, 6);
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  nn::IntList k = int_list_arg(vm, a[1], f, "kernel_size", 2);
  nn::IntList s = optional_int_list(vm, a[2], f, "stride", 3);
  nn::IntList p = int_list_arg(vm, a[3], f, "padding", 4);
  return wrap_tensor(nn::avg_pool1d(x, k, s, p, flag_arg(vm, a[4]), flag_arg(vm, a[5])));
}

// _avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)
ObjRef avg_pool2d_native(Vm& vm, const Args& a) {
  const char* f = "avg_pool2d";
  check_nargs(a, f, 7, 7);
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  nn::IntList k = int_list_arg(vm, a[1], f, "kernel_size", 2);
  nn::IntList s = optional_int_list(vm, a[2], f, "stride", 3);
  nn::IntList p = int_list_arg(vm, a[3], f, "padding", 4);
  std::optional<std::int64_t> div;
  if (a[6] && !is_none(a[6])) div = index_value(vm, a[6]);
  return wrap_tensor(nn::avg_pool2d(x, k, s, p, flag_arg(vm, a[4]), flag_arg(vm, a[5]), div));
}

nn::OptionalSizes optional_sizes(Vm& vm, Object* o) {
  nn::OptionalSizes out;
  for (const ObjRef& v : to_vector(vm, o)) {
    if (is_none(v.get())) out.emplace_back(std::nullopt);
    else out.emplace_back(index_value(vm, v.get()));
  }
  return out;
}

// _adaptive_avg_pool{1,2}d(input, output_size)
template <int D>
ObjRef adaptive_avg_native(Vm& vm, const Args& a) {
  const char* f = D == 1 ? "adaptive_avg_pool1d" : "adaptive_avg_pool2d";
  check_nargs(a, f, 2, 2);
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  if (D == 1) return wrap_tensor(nn::adaptive_avg_pool1d(x, int_list_arg(vm, a[1], f, "output_size", 2)));
  if (is_int(a[1])) return wrap_tensor(nn::adaptive_avg_pool2d(x, int_value(a[1])));
  return wrap_tensor(nn::adaptive_avg_pool2d(x, optional_sizes(vm, a[1])));
}

// _adaptive_max_pool{1,2}d(input, output_size, return_indices)
template <int D>
ObjRef adaptive_max_native(Vm& vm, const Args& a) {
  const char* f = D == 1 ? "adaptive_max_pool1d" : "adaptive_max_pool2d";
  check_nargs(a, f, 3, 3);
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  bool with_indices = flag_arg(vm, a[2]);
  if (D == 1) {
    nn::IntList size = int_list_arg(vm, a[1], f, "output_size", 2);
    if (with_indices) return pair_result(nn::adaptive_max_pool1d_with_indices(x, size));
    return wrap_tensor(nn::adaptive_max_pool1d(x, size));
  }
  if (is_int(a[1])) {
    std::int64_t n = int_value(a[1]);
    if (with_indices) return pair_result(nn::adaptive_max_pool2d_with_indices(x, n));
    return wrap_tensor(nn::adaptive_max_pool2d(x, n));
  }
  nn::OptionalSizes sizes = optional_sizes(vm, a[1]);
  if (with_indices) return pair_result(nn::adaptive_max_pool2d_with_indices(x, sizes));
  return wrap_tensor(nn::adaptive_max_pool2d(x, sizes));
}

}  // namespace

void add_functional_pool(Module& m) {
  set_native(m, "_max_pool1d", max_pool_native<1>);
  set_native(m, "_max_pool2d", max_pool_native<2>);
  set_native(m, "_avg_pool1d", avg_pool1d_native);
  set_native(m, "_avg_pool2d", avg_pool2d_native);
  set_native(m, "_adaptive_avg_pool1d", adaptive_avg_native<1>);
  set_native(m, "_adaptive_avg_pool2d", adaptive_avg_native<2>);
  set_native(m, "_adaptive_max_pool1d", adaptive_max_native<1>);
  set_native(m, "_adaptive_max_pool2d", adaptive_max_native<2>);
}

}  // namespace lesson::python::torch
