// MSELoss, L1Loss, CrossEntropyLoss, NLLLoss and BCEWithLogitsLoss in
// Python, as PyTorch 1.13's loss.py defines them (reduction, the legacy
// size_average / reduce arguments, weight / pos_weight buffers).
#include "python/torch/nn_sources.hpp"

namespace lesson::python::torch {

const char* const kNnLayersLossSource = R"PY(
import torch.nn.functional as F


__name__ = 'torch.nn.modules.loss'


class _Loss(Module):
    def __init__(self, size_average=None, reduce=None, reduction='mean'):
        super().__init__()
        if size_average is not None or reduce is not None:
            self.reduction = F._legacy_reduction(size_average, reduce)
        else:
            self.reduction = reduction


class _WeightedLoss(_Loss):
    def __init__(self, weight=None, size_average=None, reduce=None, reduction='mean'):
        super().__init__(size_average, reduce, reduction)
        self.register_buffer('weight', weight)


class MSELoss(_Loss):
    def __init__(self, size_average=None, reduce=None, reduction='mean'):
        super().__init__(size_average, reduce, reduction)

    def forward(self, input, target):
        return F.mse_loss(input, target, reduction=self.reduction)


class L1Loss(_Loss):
    def __init__(self, size_average=None, reduce=None, reduction='mean'):
        super().__init__(size_average, reduce, reduction)

    def forward(self, input, target):
        return F.l1_loss(input, target, reduction=self.reduction)


class NLLLoss(_WeightedLoss):
    def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean'):
        super().__init__(weight, size_average, reduce, reduction)
        self.ignore_index = ignore_index

    def forward(self, input, target):
        return F.nll_loss(input, target, weight=self.weight, ignore_index=self.ignore_index,
                          reduction=self.reduction)


class CrossEntropyLoss(_WeightedLoss):
    def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean',
                 label_smoothing=0.0):
        super().__init__(weight, size_average, reduce, reduction)
        self.ignore_index = ignore_index
        self.label_smoothing = label_smoothing

    def forward(self, input, target):
        return F.cross_entropy(input, target, weight=self.weight, ignore_index=self.ignore_index,
                               reduction=self.reduction, label_smoothing=self.label_smoothing)


class BCEWithLogitsLoss(_Loss):
    def __init__(self, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None):
        super().__init__(size_average, reduce, reduction)
        self.register_buffer('weight', weight)
        self.register_buffer('pos_weight', pos_weight)

    def forward(self, input, target):
        return F.binary_cross_entropy_with_logits(input, target, self.weight, pos_weight=self.pos_weight,
                                                  reduction=self.reduction)

__name__ = 'torch.nn'


# A loss module's target-size warning comes from F.mse_loss / F.l1_loss and
# names their caller (PyTorch's stacklevel=2), the module's forward: PyTorch
# 1.13 (Debian's python3-torch) prints that frame's place in its loss.py, and
# so does this.
import warnings as _warnings
_warnings._library_locations[('<torch.nn.modules.loss>', 'MSELoss.forward')] = (
    '/usr/lib/python3/dist-packages/torch/nn/modules/loss.py', 536,
    'return F.mse_loss(input, target, reduction=self.reduction)')
_warnings._library_locations[('<torch.nn.modules.loss>', 'L1Loss.forward')] = (
    '/usr/lib/python3/dist-packages/torch/nn/modules/loss.py', 101,
    'return F.l1_loss(input, target, reduction=self.reduction)')
del _warnings
)PY";

}  // namespace lesson::python::torch
