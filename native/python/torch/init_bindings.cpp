// torch.nn.init: the initialisers of native/nn/init (PyTorch's fan
// computation, gains and draw order from the default generator). Each fills
// its tensor in place without recording autograd history and returns the
// same tensor object, as PyTorch's do.
#include <string>

#include "nn/init.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/torch/functional_args.hpp"
#include "python/torch/tensor_object.hpp"
#include "python/torch/torch_modules.hpp"

namespace lesson::python::torch {

namespace {

namespace init = lesson::nn::init;

double opt_number(Vm& vm, Object* o, double def, const char* fname, const char* argname) {
  return o == nullptr ? def : number_arg(vm, o, fname, argname);
}

std::string opt_string(Vm& vm, Object* o, const char* def) { return o == nullptr ? def : str_string(vm, o); }

const tensor::Tensor& target(Object* o, const char* fname) { return tensor_arg(o, fname, "tensor", 1); }

ObjRef calculate_gain(Vm& vm, const Args& a) {
  Object* v[2];
  parse_args(a, "calculate_gain", {"nonlinearity", "param"}, 1, v);
  std::optional<double> param;
  if (v[1] && !is_none(v[1])) {
    if (is_bool(v[1]) || !(is_int(v[1]) || is_float(v[1])))
      raise(&t_ValueError, "negative_slope " + str_string(vm, v[1]) + " not a valid number");
    param = number_arg(vm, v[1], "calculate_gain", "param");
  }
  const std::string nonlinearity = str_string(vm, v[0]);
  // PyTorch returns the int 1 for the linear functions and sigmoid.
  for (const char* one : {"linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                          "conv_transpose3d", "sigmoid"})
    if (nonlinearity == one) return make_int(1);
  return make_float(init::calculate_gain(nonlinearity, param));
}

ObjRef fan_in_and_fan_out(Vm&, const Args& a) {
  check_nargs(a, "_calculate_fan_in_and_fan_out", 1, 1);
  auto fans = init::calculate_fan_in_and_fan_out(target(a[0], "_calculate_fan_in_and_fan_out"));
  return ObjRef(make_tuple({make_int(fans.first).get(), make_int(fans.second).get()}).get());
}

ObjRef uniform(Vm& vm, const Args& a) {
  Object* v[3];
  parse_args(a, "uniform_", {"tensor", "a", "b"}, 1, v);
  init::uniform_(target(v[0], "uniform_"), opt_number(vm, v[1], 0.0, "uniform_", "a"),
                 opt_number(vm, v[2], 1.0, "uniform_", "b"));
  return ObjRef(v[0]);
}

ObjRef normal(Vm& vm, const Args& a) {
  Object* v[3];
  parse_args(a, "normal_", {"tensor", "mean", "std"}, 1, v);
  init::normal_(target(v[0], "normal_"), opt_number(vm, v[1], 0.0, "normal_", "mean"),
                opt_number(vm, v[2], 1.0, "normal_", "std"));
  return ObjRef(v[0]);
}

ObjRef constant(Vm& vm, const Args& a) {
  Object* v[2];
  parse_args(a, "constant_", {"tensor", "val"}, 2, v);
  init::constant_(target(v[0], "constant_"), number_arg(vm, v[1], "constant_", "val"));
  return ObjRef(v[0]);
}

ObjRef ones(Vm&, const Args& a) {
  Object* v[1];
  parse_args(a, "ones_", {"tensor"}, 1, v);
  init::ones_(target(v[0], "ones_"));
  return ObjRef(v[0]);
}

ObjRef zeros(Vm&, const Args& a) {
  Object* v[1];
  parse_args(a, "zeros_", {"tensor"}, 1, v);
  init::zeros_(target(v[0], "zeros_"));
  return ObjRef(v[0]);
}

template <bool Uniform>
ObjRef xavier(Vm& vm, const Args& a) {
  const char* f = Uniform ? "xavier_uniform_" : "xavier_normal_";
  Object* v[2];
  parse_args(a, f, {"tensor", "gain"}, 1, v);
  double gain = opt_number(vm, v[1], 1.0, f, "gain");
  if (Uniform) init::xavier_uniform_(target(v[0], f), gain);
  else init::xavier_normal_(target(v[0], f), gain);
  return ObjRef(v[0]);
}

template <bool Uniform>
ObjRef kaiming(Vm& vm, const Args& a) {
  const char* f = Uniform ? "kaiming_uniform_" : "kaiming_normal_";
  Object* v[4];
  parse_args(a, f, {"tensor", "a", "mode", "nonlinearity"}, 1, v);
  double slope = opt_number(vm, v[1], 0.0, f, "a");
  std::string mode = opt_string(vm, v[2], "fan_in");
  std::string nonlinearity = opt_string(vm, v[3], "leaky_relu");
  if (Uniform) init::kaiming_uniform_(target(v[0], f), slope, mode, nonlinearity);
  else init::kaiming_normal_(target(v[0], f), slope, mode, nonlinearity);
  return ObjRef(v[0]);
}

}  // namespace

void init_torch_nn_init_module(Vm&, Module& m) {
  set_native(m, "calculate_gain", calculate_gain);
  set_native(m, "_calculate_fan_in_and_fan_out", fan_in_and_fan_out);
  set_native(m, "uniform_", uniform);
  set_native(m, "normal_", normal);
  set_native(m, "constant_", constant);
  set_native(m, "ones_", ones);
  set_native(m, "zeros_", zeros);
  set_native(m, "xavier_uniform_", xavier<true>);
  set_native(m, "xavier_normal_", xavier<false>);
  set_native(m, "kaiming_uniform_", kaiming<true>);
  set_native(m, "kaiming_normal_", kaiming<false>);
}

}  // namespace lesson::python::torch
