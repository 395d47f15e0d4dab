import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(1)
x = torch.randn(2, 3)
y = F.relu(x, inplace=True)
print(y is x, x)
a = torch.randn(2, 3, requires_grad=True)
b = a * 2
c = nn.ReLU(inplace=True)(b)
print(c is b, c.grad_fn.name())
c.sum().backward()
print(a.grad)
d = torch.randn(4)
F.leaky_relu(d, 0.5, inplace=True)
print(d)
e = torch.randn(3, requires_grad=True)
f = e * 1
g = F.leaky_relu(f, 0.1, True)
print(g.grad_fn.name())
g.sum().backward()
print(e.grad)
