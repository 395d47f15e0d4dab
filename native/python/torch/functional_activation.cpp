// torch.nn.functional activations and linear: relu (and its in-place form,
// recorded as PyTorch's relu_ is), sigmoid, tanh, linear — the autograd ops of
// native/autograd — reached through the Python wrappers in
// functional_source.cpp.
#include "autograd/graph.hpp"
#include "autograd/ops_linalg.hpp"
#include "autograd/ops_unary.hpp"
#include "autograd/ops_util.hpp"
#include "python/obj_module.hpp"
#include "python/ops.hpp"
#include "python/torch/functional_args.hpp"
#include "python/torch/tensor_object.hpp"
#include "tensor/elementwise_compare.hpp"
#include "tensor/elementwise_fill.hpp"
#include "tensor/elementwise_unary.hpp"
#include "tensor/elementwise_where.hpp"

namespace lesson::python::torch {

namespace {

using autograd::SavedTensor;
using tensor::Scalar;
using tensor::Tensor;

// torch.relu_(x): x's values replaced by relu(x), x's history rebased onto a
// ReluBackward0 node whose next edge is x's previous history.
Tensor relu_inplace(const Tensor& self) {
  autograd::check_inplace(self);
  const bool record_it = autograd::needs_grad({&self});
  autograd::Edge previous = autograd::gradient_edge(self);
  Tensor values = tensor::relu(self);
  tensor::copy_(self, values);
  if (record_it) {
    auto node = std::make_shared<autograd::LambdaNode>(
        "ReluBackward0", std::vector<SavedTensor>{SavedTensor(self)},
        [](const Tensor& g, const std::vector<SavedTensor>& s) {
          return autograd::TensorList{tensor::where(tensor::gt(s[0].unpack(), Scalar(0)), g, Scalar(0.0))};
        });
    autograd::set_history(node, {&self}, {&self});
    node->next_edges[0] = previous;
  }
  return self;
}

// _relu(input, inplace)
ObjRef relu_native(Vm& vm, const Args& a) {
  check_nargs(a, "relu", 2, 2);
  const Tensor& x = tensor_arg(a[0], "relu", "input", 1);
  if (flag_arg(vm, a[1])) {
    relu_inplace(x);
    return ObjRef(a[0]);
  }
  return wrap_tensor(autograd::relu(x));
}

ObjRef sigmoid_native(Vm&, const Args& a) {
  check_nargs(a, "sigmoid", 1, 1);
  return wrap_tensor(autograd::sigmoid(tensor_arg(a[0], "sigmoid", "input", 1)));
}

ObjRef tanh_native(Vm&, const Args& a) {
  check_nargs(a, "tanh", 1, 1);
  return wrap_tensor(autograd::tanh(tensor_arg(a[0], "tanh", "input", 1)));
}

// _linear(input, weight, bias)
ObjRef linear_native(Vm&, const Args& a) {
  check_nargs(a, "linear", 3, 3);
  const Tensor& x = tensor_arg(a[0], "linear", "input", 1);
  const Tensor& w = tensor_arg(a[1], "linear", "weight", 2);
  Tensor b = optional_tensor_arg(a[2], "linear", "bias", 3);
  return wrap_tensor(autograd::linear(x, w, b));
}

}  // namespace

void add_functional_activation(Module& m) {
  set_native(m, "_relu", relu_native);
  set_native(m, "_sigmoid", sigmoid_native);
  set_native(m, "_tanh", tanh_native);
  set_native(m, "_linear", linear_native);
}

}  // namespace lesson::python::torch
