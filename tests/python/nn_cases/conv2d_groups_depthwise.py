import torch
import torch.nn as nn
torch.manual_seed(8)
conv = nn.Conv2d(4, 4, 3, padding=1, groups=4, bias=False)
print(conv)
print(conv.weight.shape)
x = torch.randn(1, 4, 4, 4, requires_grad=True)
y = conv(x)
print(y + 10)
y.sum().backward()
print(conv.weight.grad)
g2 = nn.Conv2d(4, 6, 1, groups=2)
print(g2, g2.weight.shape)
print(g2(x).shape)
