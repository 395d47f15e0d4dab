import torch
x = torch.tensor([[1.0, 5.0, 2.0], [4.0, 3.0, 6.0]], requires_grad=True)
x.max().backward()
print(x.grad)
x.grad = None
v, i = x.max(dim=1)
v.sum().backward()
print(v, i, x.grad)
x.grad = None
x.var(dim=1).sum().backward()
print(x.grad)
x.grad = None
x.std().backward()
print(x.grad)
x.grad = None
x.norm().backward()
print(x.grad)
x.grad = None
x.prod(1).sum().backward()
print(x.grad)
