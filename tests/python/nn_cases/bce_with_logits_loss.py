import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(3)
x = torch.randn(3, 2, requires_grad=True)
t = torch.tensor([[1., 0.], [0., 1.], [1., 1.]])
loss_fn = nn.BCEWithLogitsLoss()
print(loss_fn)
loss = loss_fn(x, t)
print(loss, loss.grad_fn.name())
loss.backward()
print(x.grad)
print(nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0, 0.5]))(x, t))
print(F.binary_cross_entropy_with_logits(x, t, weight=torch.tensor([1.0, 3.0]), reduction='none'))
print(F.binary_cross_entropy_with_logits(x, t, reduction='sum'))
print(nn.BCEWithLogitsLoss(pos_weight=torch.ones(2)).state_dict())
try:
    F.binary_cross_entropy_with_logits(x, torch.ones(3))
except ValueError as e:
    print(type(e).__name__, e)
