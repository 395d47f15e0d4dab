// InstanceNorm of an [N, C, *] float32 input: every (sample, channel) plane
// normalised by its own statistics. PyTorch 1.13 implements it as BatchNorm
// of the input viewed as [1, N*C, *] with weight, bias and running buffers
// repeated N times, then averages the updated running buffers back over N and
// views the output back; this follows it, so values, buffer updates and
// grad_fn (ViewBackward0, whose next function is NativeBatchNormBackward0)
// are PyTorch's.
#pragma once

#include "nn/norm_common.hpp"

namespace lesson::nn {

// F.instance_norm(input, running_mean, running_var, weight, bias,
// use_input_stats, momentum, eps); undefined tensors stand for None. With
// use_input_stats the plane statistics normalise and the running buffers,
// when given, move towards their average over the batch; otherwise the
// running statistics normalise. Errors with PyTorch's types and texts.
Tensor instance_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var,
                     const Tensor& weight, const Tensor& bias, bool use_input_stats, double momentum,
                     double eps);

// The backward of instance_norm without the autograd engine (what its
// NativeBatchNormBackward0 and the repeat's backward compute): `save_mean`
// and `save_invstd` are the [N*C] plane statistics. Used by the benchmarks.
NormGradients instance_norm_backward(const Tensor& grad_output, const Tensor& input, const Tensor& weight,
                                     const Tensor& save_mean, const Tensor& save_invstd, double eps,
                                     GradMask mask);

// The forward without checks or autograd, returning the plane statistics too
// (training mode, no running buffers). Used by the benchmarks.
NormForward native_instance_norm(const Tensor& input, const Tensor& weight, const Tensor& bias, double eps);

}  // namespace lesson::nn
