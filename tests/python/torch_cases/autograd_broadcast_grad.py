import torch
a = torch.ones(2, 3, requires_grad=True)
b = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
c = torch.tensor(2.0, requires_grad=True)
((a * b + c) ** 2).sum().backward()
print(a.grad)
print(b.grad)
print(c.grad)
