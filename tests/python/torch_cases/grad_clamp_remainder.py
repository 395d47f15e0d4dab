import torch
x = torch.tensor([-2.0, 0.5, 3.0], requires_grad=True)
lo = torch.tensor([-1.0, -1.0, -1.0])
hi = torch.tensor([1.0, 1.0, 2.0])
y = x.clamp(lo, hi)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
r = x % 1.5
print(r)
(r * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad)
a = torch.tensor([5.0, 7.0], requires_grad=True)
b = torch.tensor([2.0, 3.0], requires_grad=True)
torch.remainder(a, b).sum().backward()
print(a.grad, b.grad)
