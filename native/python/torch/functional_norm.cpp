// torch.nn.functional normalisation ops: batch_norm, layer_norm, group_norm,
// instance_norm (native/nn), reached through the Python wrappers in
// functional_source.cpp.
#include "nn/batch_norm.hpp"
#include "nn/group_norm.hpp"
#include "nn/instance_norm.hpp"
#include "nn/layer_norm.hpp"
#include "python/obj_module.hpp"
#include "python/ops.hpp"
#include "python/torch/functional_args.hpp"
#include "python/torch/tensor_object.hpp"

namespace lesson::python::torch {

namespace {

// _batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)
ObjRef batch_norm_native(Vm& vm, const Args& a) {
  check_nargs(a, "batch_norm", 8, 8);
  const char* f = "batch_norm";
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  tensor::Tensor rm = optional_tensor_arg(a[1], f, "running_mean", 4);
  tensor::Tensor rv = optional_tensor_arg(a[2], f, "running_var", 5);
  tensor::Tensor w = optional_tensor_arg(a[3], f, "weight", 2);
  tensor::Tensor b = optional_tensor_arg(a[4], f, "bias", 3);
  return wrap_tensor(nn::batch_norm(x, rm, rv, w, b, flag_arg(vm, a[5]), number_arg(vm, a[6], f, "momentum"),
                                    number_arg(vm, a[7], f, "eps")));
}

// _instance_norm(input, running_mean, running_var, weight, bias, use_input_stats, momentum, eps)
ObjRef instance_norm_native(Vm& vm, const Args& a) {
  check_nargs(a, "instance_norm", 8, 8);
  const char* f = "instance_norm";
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  tensor::Tensor rm = optional_tensor_arg(a[1], f, "running_mean", 4);
  tensor::Tensor rv = optional_tensor_arg(a[2], f, "running_var", 5);
  tensor::Tensor w = optional_tensor_arg(a[3], f, "weight", 2);
  tensor::Tensor b = optional_tensor_arg(a[4], f, "bias", 3);
  return wrap_tensor(nn::instance_norm(x, rm, rv, w, b, flag_arg(vm, a[5]), number_arg(vm, a[6], f, "momentum"),
                                       number_arg(vm, a[7], f, "eps")));
}

// _layer_norm(input, normalized_shape, weight, bias, eps)
ObjRef layer_norm_native(Vm& vm, const Args& a) {
  check_nargs(a, "layer_norm", 5, 5);
  const char* f = "layer_norm";
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  std::vector<std::int64_t> shape = int_list_arg(vm, a[1], f, "normalized_shape", 2);
  tensor::Tensor w = optional_tensor_arg(a[2], f, "weight", 3);
  tensor::Tensor b = optional_tensor_arg(a[3], f, "bias", 4);
  return wrap_tensor(nn::layer_norm(x, shape, w, b, number_arg(vm, a[4], f, "eps")));
}

// _group_norm(input, num_groups, weight, bias, eps)
ObjRef group_norm_native(Vm& vm, const Args& a) {
  check_nargs(a, "group_norm", 5, 5);
  const char* f = "group_norm";
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  std::int64_t groups = index_value(vm, a[1]);
  tensor::Tensor w = optional_tensor_arg(a[2], f, "weight", 3);
  tensor::Tensor b = optional_tensor_arg(a[3], f, "bias", 4);
  return wrap_tensor(nn::group_norm(x, groups, w, b, number_arg(vm, a[4], f, "eps")));
}

}  // namespace

void add_functional_norm(Module& m) {
  set_native(m, "_batch_norm", batch_norm_native);
  set_native(m, "_instance_norm", instance_norm_native);
  set_native(m, "_layer_norm", layer_norm_native);
  set_native(m, "_group_norm", group_norm_native);
}

}  // namespace lesson::python::torch
