import torch
import torch.nn as nn
torch.manual_seed(3)
conv = nn.Conv2d(1, 2, kernel_size=(3, 2), stride=(2, 1), padding=(1, 0))
print(conv)
x = torch.randn(2, 1, 5, 4, requires_grad=True)
y = conv(x)
print(y.shape)
print(y)
y.pow(2).sum().backward()
print(x.grad)
print(conv.weight.grad)
