// torch.nn.functional activations implemented in native/nn/activation and
// dropout: leaky_relu, gelu, silu, softmax, log_softmax, hardtanh, relu6,
// elu, dropout, and their in-place forms (inplace=True), which write into the
// input and, when autograd records, rebase the input's history onto a node
// named as PyTorch names the in-place op's (SiluBackward0, EluBackward1,
// LeakyReluBackward1, MulBackward0 for dropout_ ...).
#include <functional>
#include <string>

#include "autograd/grad_mode.hpp"
#include "autograd/graph.hpp"
#include "autograd/ops_util.hpp"
#include "nn/activation.hpp"
#include "nn/dropout.hpp"
#include "python/obj_module.hpp"
#include "python/ops.hpp"
#include "python/torch/functional_args.hpp"
#include "python/torch/tensor_object.hpp"
#include "tensor/elementwise_fill.hpp"

namespace lesson::python::torch {

namespace {

using autograd::SavedTensor;
using tensor::Scalar;
using tensor::Tensor;

// op(self) written into self. With autograd recording, op runs on a
// detached copy of self's values that requires grad; its node (which saved
// only that copy, so the write into self cannot invalidate it) computes the
// gradient, wrapped in a node that becomes self's grad_fn with self's
// previous history as its first next edge (further inputs, such as
// dropout's mask, have none).
ObjRef apply_inplace(Object* self_obj, const Tensor& self, const std::function<Tensor(const Tensor&)>& op,
                     const char* node_name = nullptr) {
  autograd::check_inplace(self);
  if (!autograd::needs_grad({&self})) {
    Tensor values;
    {
      autograd::NoGradGuard no_grad;
      values = op(self);
    }
    if (!values.is_same(self)) tensor::copy_(self, values);
    return ObjRef(self_obj);
  }
  autograd::Edge previous = autograd::gradient_edge(self);
  Tensor input = self.clone_data();
  input.set_requires_grad(true);
  Tensor values = op(input);
  std::shared_ptr<autograd::Node> fn = values.grad_fn();
  if (values.is_same(input) || !fn) return ObjRef(self_obj);  // identity (dropout with p=0 or training off)
  tensor::copy_(self, values);
  const std::size_t inputs = fn->next_edges.size();
  auto node = std::make_shared<autograd::LambdaNode>(
      node_name ? std::string(node_name) : fn->name(), std::vector<SavedTensor>{},
      [fn](const Tensor& g, const std::vector<SavedTensor>&) { return fn->apply(autograd::TensorList{g}); });
  autograd::set_history(node, {&self}, {&self});
  for (std::size_t i = 1; i < inputs; ++i) node->next_edges.emplace_back();
  node->next_edges[0] = previous;
  return ObjRef(self_obj);
}

// _leaky_relu(input, negative_slope, inplace)
ObjRef leaky_relu_native(Vm& vm, const Args& a) {
  check_nargs(a, "leaky_relu", 3, 3);
  const Tensor& x = tensor_arg(a[0], "leaky_relu", "input", 1);
  const double slope = number_arg(vm, a[1], "leaky_relu", "negative_slope");
  if (!flag_arg(vm, a[2])) return wrap_tensor(nn::leaky_relu(x, slope));
  return apply_inplace(
      a[0], x, [slope](const Tensor& t) { return nn::leaky_relu(t, slope); }, "LeakyReluBackward1");
}

// _gelu(input, approximate)
ObjRef gelu_native(Vm& vm, const Args& a) {
  check_nargs(a, "gelu", 2, 2);
  return wrap_tensor(nn::gelu(tensor_arg(a[0], "gelu", "input", 1), str_string(vm, a[1])));
}

// _silu(input, inplace)
ObjRef silu_native(Vm& vm, const Args& a) {
  check_nargs(a, "silu", 2, 2);
  const Tensor& x = tensor_arg(a[0], "silu", "input", 1);
  if (flag_arg(vm, a[1])) return apply_inplace(a[0], x, [](const Tensor& t) { return nn::silu(t); });
  return wrap_tensor(nn::silu(x));
}

// _softmax(input, dim) / _log_softmax(input, dim)
template <bool Log>
ObjRef softmax_native(Vm& vm, const Args& a) {
  const char* f = Log ? "log_softmax" : "softmax";
  check_nargs(a, f, 2, 2);
  const Tensor& x = tensor_arg(a[0], f, "input", 1);
  std::int64_t dim = index_value(vm, a[1]);
  return wrap_tensor(Log ? nn::log_softmax(x, dim) : nn::softmax(x, dim));
}

// _hardtanh(input, min_val, max_val, inplace)
ObjRef hardtanh_native(Vm& vm, const Args& a) {
  check_nargs(a, "hardtanh", 4, 4);
  const Tensor& x = tensor_arg(a[0], "hardtanh", "input", 1);
  const double lo = number_arg(vm, a[1], "hardtanh", "min_val"), hi = number_arg(vm, a[2], "hardtanh", "max_val");
  if (flag_arg(vm, a[3]))
    return apply_inplace(a[0], x, [lo, hi](const Tensor& t) { return nn::hardtanh(t, lo, hi); });
  return wrap_tensor(nn::hardtanh(x, lo, hi));
}

// _elu(input, alpha, inplace)
ObjRef elu_native(Vm& vm, const Args& a) {
  check_nargs(a, "elu", 3, 3);
  const Tensor& x = tensor_arg(a[0], "elu", "input", 1);
  const double alpha = number_arg(vm, a[1], "elu", "alpha");
  if (flag_arg(vm, a[2]))
    return apply_inplace(a[0], x, [alpha](const Tensor& t) { return nn::elu(t, alpha); }, "EluBackward1");
  return wrap_tensor(nn::elu(x, alpha));
}

// _dropout(input, p, training, inplace)
ObjRef dropout_native(Vm& vm, const Args& a) {
  check_nargs(a, "dropout", 4, 4);
  const Tensor& x = tensor_arg(a[0], "dropout", "input", 1);
  Scalar p = scalar_arg(vm, a[1], "dropout", "p", 2);
  const bool training = flag_arg(vm, a[2]);
  if (flag_arg(vm, a[3]))
    return apply_inplace(a[0], x, [p, training](const Tensor& t) { return nn::dropout(t, p, training); });
  Tensor y = nn::dropout(x, p, training);
  if (y.is_same(x)) return ObjRef(a[0]);
  return wrap_tensor(y);
}

}  // namespace

void add_functional_activation_nn(Module& m) {
  set_native(m, "_leaky_relu", leaky_relu_native);
  set_native(m, "_gelu", gelu_native);
  set_native(m, "_silu", silu_native);
  set_native(m, "_softmax", softmax_native<false>);
  set_native(m, "_log_softmax", softmax_native<true>);
  set_native(m, "_hardtanh", hardtanh_native);
  set_native(m, "_elu", elu_native);
  set_native(m, "_dropout", dropout_native);
}

}  // namespace lesson::python::torch
