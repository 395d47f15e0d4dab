// torch.nn.functional losses: mse_loss, l1_loss, cross_entropy, nll_loss and
// binary_cross_entropy_with_logits (native/nn/loss), with Python wrappers
// that take PyTorch's signatures and its legacy size_average / reduce
// arguments.
#include <string>

#include "nn/loss.hpp"
#include "python/interpreter.hpp"
#include "python/obj_module.hpp"
#include "python/ops.hpp"
#include "python/torch/functional_args.hpp"
#include "python/torch/tensor_object.hpp"

namespace lesson::python::torch {

namespace {

// _mse_loss / _l1_loss(input, target, reduction)
template <bool L1>
ObjRef pointwise_loss(Vm& vm, const Args& a) {
  const char* f = L1 ? "l1_loss" : "mse_loss";
  check_nargs(a, f, 3, 3);
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  const tensor::Tensor& t = tensor_arg(a[1], f, "target", 2);
  std::string reduction = str_string(vm, a[2]);
  return wrap_tensor(L1 ? nn::l1_loss(x, t, reduction) : nn::mse_loss(x, t, reduction));
}

// _cross_entropy / _nll_loss(input, target, weight, ignore_index, reduction[, label_smoothing])
template <bool Nll>
ObjRef class_loss(Vm& vm, const Args& a) {
  const char* f = Nll ? "nll_loss" : "cross_entropy";
  check_nargs(a, f, Nll ? 5 : 6, Nll ? 5 : 6);
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  const tensor::Tensor& t = tensor_arg(a[1], f, "target", 2);
  tensor::Tensor w = optional_tensor_arg(a[2], f, "weight", 3);
  std::int64_t ignore_index = index_value(vm, a[3]);
  std::string reduction = str_string(vm, a[4]);
  if (Nll) return wrap_tensor(nn::nll_loss(x, t, w, ignore_index, reduction));
  return wrap_tensor(nn::cross_entropy(x, t, w, ignore_index, reduction, number_arg(vm, a[5], f, "label_smoothing")));
}

// _binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight)
ObjRef bce_with_logits(Vm& vm, const Args& a) {
  const char* f = "binary_cross_entropy_with_logits";
  check_nargs(a, f, 5, 5);
  const tensor::Tensor& x = tensor_arg(a[0], f, "input", 1);
  const tensor::Tensor& t = tensor_arg(a[1], f, "target", 2);
  tensor::Tensor w = optional_tensor_arg(a[2], f, "weight", 3);
  std::string reduction = str_string(vm, a[3]);
  tensor::Tensor pw = optional_tensor_arg(a[4], f, "pos_weight", 5);
  return wrap_tensor(nn::binary_cross_entropy_with_logits(x, t, w, reduction, pw));
}

const char* const kLossSource = R"PY(
import warnings


def _warn_target_size(input, target):
    if not (target.size() == input.size()):
        warnings.warn(
            "Using a target size ({}) that is different to the input size ({}). "
            "This will likely lead to incorrect results due to broadcasting. "
            "Please ensure they have the same size.".format(target.size(), input.size()),
            stacklevel=3,
        )

def _legacy_reduction(size_average, reduce):
    if size_average is None:
        size_average = True
    if reduce is None:
        reduce = True
    if size_average and reduce:
        return 'mean'
    elif reduce:
        return 'sum'
    return 'none'


def mse_loss(input, target, size_average=None, reduce=None, reduction='mean'):
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    _warn_target_size(input, target)
    return _mse_loss(input, target, reduction)


def l1_loss(input, target, size_average=None, reduce=None, reduction='mean'):
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    _warn_target_size(input, target)
    return _l1_loss(input, target, reduction)


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction='mean', label_smoothing=0.0):
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    return _cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean'):
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    return _nll_loss(input, target, weight, ignore_index, reduction)


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None,
                                     reduction='mean', pos_weight=None):
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce)
    if reduction not in ('none', 'mean', 'sum'):
        raise ValueError('{} is not a valid value for reduction'.format(reduction))
    if not (target.size() == input.size()):
        raise ValueError('Target size ({}) must be the same as input size ({})'.format(target.size(), input.size()))
    return _binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight)
)PY";

}  // namespace

void add_functional_loss(Vm& vm, Module& m) {
  set_native(m, "_mse_loss", pointwise_loss<false>);
  set_native(m, "_l1_loss", pointwise_loss<true>);
  set_native(m, "_cross_entropy", class_loss<false>);
  set_native(m, "_nll_loss", class_loss<true>);
  set_native(m, "_binary_cross_entropy_with_logits", bce_with_logits);
  run_module_source(vm, m, kLossSource, "<torch.nn.functional>");
}

}  // namespace lesson::python::torch
