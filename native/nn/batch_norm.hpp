// BatchNorm over dim 1 of an [N, C, *] float32 input: the functional form
// (torch.nn.functional.batch_norm, recording NativeBatchNormBackward0) and
// the ATen-level forward and backward it is made of.
#pragma once

#include "nn/norm_common.hpp"

namespace lesson::nn {

// F.batch_norm(input, running_mean, running_var, weight, bias, training,
// momentum, eps). Undefined tensors stand for None. In training the batch
// statistics normalise and, when given, the running buffers are updated in
// place: running = (1 - momentum) * running + momentum * batch, with the
// unbiased batch variance; `momentum` is the exponential average factor (the
// module computes it for momentum=None). Otherwise the running statistics
// normalise. Errors with PyTorch's types and texts.
Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var,
                  const Tensor& weight, const Tensor& bias, bool training, double momentum, double eps);

// torch.ops.aten.native_batch_norm: no checks, no autograd. In training, mean
// and invstd are the per-channel batch statistics [C]; in evaluation they are
// empty ([0]) as in PyTorch.
NormForward native_batch_norm(const Tensor& input, const Tensor& weight, const Tensor& bias,
                              const Tensor& running_mean, const Tensor& running_var, bool training,
                              double momentum, double eps);

// torch.ops.aten.native_batch_norm_backward: one fused reduction pass
// (sum(dy), sum(dy * (x - mean)) per channel) and one elementwise pass.
NormGradients native_batch_norm_backward(const Tensor& grad_output, const Tensor& input, const Tensor& weight,
                                         const Tensor& running_mean, const Tensor& running_var,
                                         const Tensor& save_mean, const Tensor& save_invstd, bool training,
                                         double eps, GradMask mask);

}  // namespace lesson::nn
