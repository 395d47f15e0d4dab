// torch.nn.functional losses as PyTorch 1.13 computes them, with its graph
// structure where it is visible (the result's grad_fn): mse_loss
// (MseLossBackward0), l1_loss ((input - target).abs() then the reduction:
// AbsBackward0 / MeanBackward0 / SumBackward0), cross_entropy (log_softmax +
// nll_loss: NllLossBackward0, NllLoss2DBackward0 for 4-D input and for 3-D /
// 5-D+ input reduced, ViewBackward0 for those unreduced; AddBackward0 with
// label smoothing; DivBackward1 / NegBackward0 for class probabilities) and
// binary_cross_entropy_with_logits (BinaryCrossEntropyWithLogitsBackward0).
//
// reduction is "mean", "sum" or "none"; anything else raises PyTorch's
// ValueError "<r> is not a valid value for reduction". Errors carry
// PyTorch's exact texts and exception types.
#pragma once

#include <cstdint>
#include <string>

#include "tensor/tensor.hpp"

namespace lesson::nn {

using tensor::Tensor;

// F.mse_loss(input, target, reduction='mean'); a target of another shape is
// broadcast (PyTorch warns and broadcasts).
Tensor mse_loss(const Tensor& input, const Tensor& target, const std::string& reduction = "mean");

// F.l1_loss(input, target, reduction='mean'); broadcasting as mse_loss.
Tensor l1_loss(const Tensor& input, const Tensor& target, const std::string& reduction = "mean");

// F.cross_entropy(input, target, weight=None, ignore_index=-100,
// reduction='mean', label_smoothing=0.0). input [C], [N, C] or [N, C, d1, ...];
// target int64 class indices ([], [N] or [N, d1, ...]) or, when it has the
// input's shape, float32 class probabilities. weight (undefined = None) [C].
Tensor cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight = Tensor(),
                     std::int64_t ignore_index = -100, const std::string& reduction = "mean",
                     double label_smoothing = 0.0);

// F.nll_loss's ATen core (torch._C._nn.nll_loss_nd) on log-probabilities,
// as cross_entropy uses it.
Tensor nll_loss(const Tensor& input, const Tensor& target, const Tensor& weight = Tensor(),
                std::int64_t ignore_index = -100, const std::string& reduction = "mean");

// F.binary_cross_entropy_with_logits(input, target, weight=None,
// reduction='mean', pos_weight=None). weight broadcasts to input's shape,
// pos_weight (typically [C]) to target's.
Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target, const Tensor& weight = Tensor(),
                                        const std::string& reduction = "mean", const Tensor& pos_weight = Tensor());

}  // namespace lesson::nn
