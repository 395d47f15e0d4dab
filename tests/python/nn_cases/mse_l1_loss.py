import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
t = torch.randn(3, 4)
for loss in [nn.MSELoss(), nn.MSELoss(reduction='sum'), nn.L1Loss(), nn.L1Loss(reduction='none')]:
    print(loss)
    out = loss(x, t)
    print(out)
    print(out.grad_fn.name())
mse = F.mse_loss(x, t)
mse.backward()
print(x.grad)
x.grad = None
F.l1_loss(x, t, reduction='sum').backward()
print(x.grad)
try:
    F.mse_loss(x, t, reduction='average')
except ValueError as e:
    print(type(e).__name__, e)
