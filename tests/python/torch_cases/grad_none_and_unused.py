import torch
a = torch.ones(2, requires_grad=True)
b = torch.ones(2, requires_grad=True)
(a * 2).sum().backward()
print(a.grad, b.grad)
c = torch.ones(2)
print(c.grad, c.requires_grad, c.grad_fn)
