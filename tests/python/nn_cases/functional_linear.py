import torch
import torch.nn.functional as F
torch.manual_seed(2)
x = torch.randn(3, 4, requires_grad=True)
w = torch.randn(2, 4, requires_grad=True)
b = torch.randn(2, requires_grad=True)
y = F.linear(x, w, b)
print(y)
print(y.grad_fn.name())
(y * y).sum().backward()
print(x.grad)
print(w.grad)
print(b.grad)
print(F.linear(x, w))
