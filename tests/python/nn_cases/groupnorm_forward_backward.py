import torch
import torch.nn as nn
torch.manual_seed(0)
gn = nn.GroupNorm(2, 4)
print(gn)
x = torch.randn(2, 4, 3, requires_grad=True)
y = gn(x)
print(y)
print(y.grad_fn.name())
(y * torch.arange(24.).reshape(2, 4, 3) / 10).sum().backward()
print(x.grad)
print(gn.weight.grad)
print(gn.bias.grad)
