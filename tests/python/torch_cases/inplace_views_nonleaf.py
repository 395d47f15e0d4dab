import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
y[0].mul_(3)
y[1:].add_(torch.tensor([1.0, 1.0]))
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
z = x * 1
z[2:].zero_()
print(z)
z.sum().backward()
print(x.grad)
x.grad = None
w = x * 1
w.fill_(2.0)
print(w)
w.sum().backward()
print(x.grad)
x.grad = None
src = torch.tensor([5.0, 6.0, 7.0], requires_grad=True)
c = torch.zeros(3)
c.copy_(src * 2)
print(c)
(c * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(src.grad)
v = x * 1
v[:2].clamp_(max=1.5)
v[2:].pow_(2)
print(v)
v.sum().backward()
print(x.grad)
