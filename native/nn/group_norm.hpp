// GroupNorm of an [N, C, *] float32 input: channels split into num_groups
// groups, each (sample, group) normalised by its own statistics, then a
// per-channel affine transform. The functional form
// (torch.nn.functional.group_norm, recording NativeGroupNormBackward0) and the
// ATen-level forward and backward.
#pragma once

#include "nn/norm_common.hpp"

namespace lesson::nn {

// F.group_norm(input, num_groups, weight, bias, eps); weight and bias
// (undefined = None) hold C values. Errors with PyTorch's types and texts;
// num_groups == 0, a ZeroDivisionError in F.group_norm, raises ATen's
// "Expected num groups to be greater than 0, got 0" here.
Tensor group_norm(const Tensor& input, std::int64_t num_groups, const Tensor& weight, const Tensor& bias,
                  double eps);

// torch.ops.aten.native_group_norm(input, weight, bias, N, C, HxW, group, eps):
// no checks, no autograd; mean and invstd (rstd) are [N, group].
NormForward native_group_norm(const Tensor& input, const Tensor& weight, const Tensor& bias, std::int64_t n,
                              std::int64_t c, std::int64_t hw, std::int64_t group, double eps);

// torch.ops.aten.native_group_norm_backward: per (sample, group) one fused
// reduction pass (sum(dy) and sum(dy * (x - mean)) per channel) and one
// elementwise pass.
NormGradients native_group_norm_backward(const Tensor& grad_output, const Tensor& input, const Tensor& mean,
                                         const Tensor& rstd, const Tensor& weight, std::int64_t n,
                                         std::int64_t c, std::int64_t hw, std::int64_t group, GradMask mask);

}  // namespace lesson::nn
