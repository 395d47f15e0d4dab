import torch
import torch.nn as nn
torch.manual_seed(3)
x = torch.randn(2, 1, 3, 5, requires_grad=True)
pool = nn.AvgPool2d(2, stride=1, padding=1, ceil_mode=True, count_include_pad=False)
y = pool(x)
print(y.shape)
print(y.grad_fn.name())
(y * y).sum().backward()
print(x.grad)
