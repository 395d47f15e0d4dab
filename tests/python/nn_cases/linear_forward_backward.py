import torch
import torch.nn as nn
torch.manual_seed(0)
lin = nn.Linear(3, 2)
print(lin)
print(lin.weight)
print(lin.bias)
x = torch.randn(4, 3, requires_grad=True)
y = lin(x)
print(y)
y.sum().backward()
print(x.grad)
print(lin.weight.grad)
print(lin.bias.grad)
