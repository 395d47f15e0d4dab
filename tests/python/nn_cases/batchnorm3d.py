import torch
import torch.nn as nn
torch.manual_seed(5)
bn = nn.BatchNorm3d(2)
print(bn)
x = torch.randn(2, 2, 2, 2, 2, requires_grad=True)
y = bn(x)
print(y[0, 0])
(y * torch.arange(32.).reshape(2, 2, 2, 2, 2) / 10).sum().backward()
print(bn.weight.grad, bn.bias.grad)
print(bn.running_var)
try:
    bn(torch.randn(2, 2, 2, 2))
except ValueError as e:
    print(type(e).__name__, e)
try:
    nn.BatchNorm2d(3)(torch.randn(2, 2))
except ValueError as e:
    print(type(e).__name__, e)
