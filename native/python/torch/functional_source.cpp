// The public functions of torch.nn.functional, written in Python as
// torch/nn/functional.py writes them: PyTorch's signatures, defaults and
// keyword handling, its Python-level checks and messages, then the native op
// (the "_name" functions the functional_*.cpp files register).
#include "python/torch/functional_args.hpp"

namespace lesson::python::torch {

const char* const kFunctionalSource = R"PY(
import torch
import warnings


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05):
    return _batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)


def instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None, use_input_stats=True,
                  momentum=0.1, eps=1e-05):
    return _instance_norm(input, running_mean, running_var, weight, bias, use_input_stats, momentum, eps)


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):
    return _layer_norm(input, normalized_shape, weight, bias, eps)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05):
    return _group_norm(input, num_groups, weight, bias, eps)


def linear(input, weight, bias=None):
    return _linear(input, weight, bias)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return _conv1d(input, weight, bias, stride, padding, dilation, groups)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return _conv2d(input, weight, bias, stride, padding, dilation, groups)


def relu(input, inplace=False):
    return _relu(input, inplace)


def relu_(input):
    return _relu(input, True)


def sigmoid(input):
    return _sigmoid(input)


def tanh(input):
    return _tanh(input)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    return _leaky_relu(input, negative_slope, inplace)


def leaky_relu_(input, negative_slope=0.01):
    return _leaky_relu(input, negative_slope, True)


def gelu(input, approximate='none'):
    return _gelu(input, approximate)


def silu(input, inplace=False):
    return _silu(input, inplace)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    return _hardtanh(input, min_val, max_val, inplace)


def relu6(input, inplace=False):
    return _hardtanh(input, 0.0, 6.0, inplace)


def elu(input, alpha=1.0, inplace=False):
    return _elu(input, alpha, inplace)


def _get_softmax_dim(name, ndim, stacklevel):
    warnings.warn(
        "Implicit dimension choice for {} has been deprecated. "
        "Change the call to include dim=X as an argument.".format(name),
        stacklevel=stacklevel,
    )
    if ndim == 0 or ndim == 1 or ndim == 3:
        ret = 0
    else:
        ret = 1
    return ret


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _get_softmax_dim('softmax', input.dim(), _stacklevel)
    if dtype is not None:
        input = input.to(dtype)
    return _softmax(input, dim)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _get_softmax_dim('log_softmax', input.dim(), _stacklevel)
    if dtype is not None:
        input = input.to(dtype)
    return _log_softmax(input, dim)


def dropout(input, p=0.5, training=True, inplace=False):
    if p < 0.0 or p > 1.0:
        raise ValueError('dropout probability has to be between 0 and 1, but got {}'.format(p))
    return _dropout(input, p, training, inplace)


def max_pool1d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    return _max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


def max_pool2d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    return _max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


def max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    return _max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    return _max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    return _avg_pool1d(input, kernel_size, stride, padding, ceil_mode, count_include_pad)


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    return _avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)


def adaptive_avg_pool1d(input, output_size):
    return _adaptive_avg_pool1d(input, output_size)


def adaptive_avg_pool2d(input, output_size):
    return _adaptive_avg_pool2d(input, output_size)


def adaptive_max_pool1d_with_indices(input, output_size, return_indices=False):
    return _adaptive_max_pool1d(input, output_size, True)


def adaptive_max_pool2d_with_indices(input, output_size, return_indices=False):
    return _adaptive_max_pool2d(input, output_size, True)


def adaptive_max_pool1d(input, output_size, return_indices=False):
    return _adaptive_max_pool1d(input, output_size, return_indices)


def adaptive_max_pool2d(input, output_size, return_indices=False):
    return _adaptive_max_pool2d(input, output_size, return_indices)


def pad(input, pad, mode="constant", value=None):
    return _pad(input, pad, mode, value)
)PY";

}  // namespace lesson::python::torch
