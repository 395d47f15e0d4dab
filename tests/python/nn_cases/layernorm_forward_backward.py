import torch
import torch.nn as nn
torch.manual_seed(0)
ln = nn.LayerNorm(4)
print(ln)
x = torch.randn(2, 3, 4, requires_grad=True)
y = ln(x)
print(y)
print(y.grad_fn.name())
(y * torch.arange(24.).reshape(2, 3, 4) / 10).sum().backward()
print(x.grad)
print(ln.weight.grad)
print(ln.bias.grad)
