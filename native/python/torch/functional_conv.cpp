// torch.nn.functional.conv1d / conv2d (native/nn/conv), reached through the
// Python wrappers in functional_source.cpp.
#include "nn/conv.hpp"
#include "python/obj_module.hpp"
#include "python/obj_str.hpp"
#include "python/ops.hpp"
#include "python/torch/functional_args.hpp"
#include "python/torch/tensor_object.hpp"

namespace lesson::python::torch {

namespace {

// _conv{1,2}d(input, weight, bias, stride, padding, dilation, groups)
template <int D>
ObjRef conv_native(Vm& vm, const Args& a) {
  const char* f = D == 1 ? "conv1d" : "conv2d";
  check_nargs(a, f, 7, 7);
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  const tensor::Tensor& w = tensor_arg(a[1], f, "weight", 2);
  tensor::Tensor b = optional_tensor_arg(a[2], f, "bias", 3);
  nn::ConvIntList stride = int_list_arg(vm, a[3], f, "stride", 4);
  nn::ConvPadding padding = is_str(a[4]) ? nn::ConvPadding(str_value(a[4]))
                                         : nn::ConvPadding(int_list_arg(vm, a[4], f, "padding", 5));
  nn::ConvIntList dilation = int_list_arg(vm, a[5], f, "dilation", 6);
  std::int64_t groups = index_value(vm, a[6]);
  return wrap_tensor(D == 1 ? nn::conv1d(x, w, b, stride, padding, dilation, groups)
                            : nn::conv2d(x, w, b, stride, padding, dilation, groups));
}

}  // namespace

void add_functional_conv(Module& m) {
  set_native(m, "_conv1d", conv_native<1>);
  set_native(m, "_conv2d", conv_native<2>);
}

}  // namespace lesson::python::torch
