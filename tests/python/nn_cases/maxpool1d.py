import torch
import torch.nn as nn
torch.manual_seed(2)
pool = nn.MaxPool1d(3, stride=2)
print(pool)
x = torch.randn(2, 2, 7, requires_grad=True)
y = pool(x)
print(y)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
p2 = nn.MaxPool1d(2, ceil_mode=True, return_indices=True)
print(p2(torch.arange(5.).reshape(1, 1, 5)))
