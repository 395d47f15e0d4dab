import torch
import torch.nn as nn
torch.manual_seed(0)
pool = nn.MaxPool2d(2)
print(pool)
x = torch.randn(1, 2, 5, 5, requires_grad=True)
y = pool(x)
print(y)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
