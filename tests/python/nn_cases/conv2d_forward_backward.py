import torch
import torch.nn as nn
torch.manual_seed(0)
conv = nn.Conv2d(2, 3, 3)
print(conv)
print(conv.weight.shape, conv.bias.shape)
x = torch.randn(1, 2, 5, 5, requires_grad=True)
y = conv(x)
print(y.shape)
print(y)
y.sum().backward()
print(x.grad)
print(conv.weight.grad)
print(conv.bias.grad)
