import torch
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
a = x * 3
a.normal_()
print(a.grad_fn.name())
b = x * 3
b.uniform_(0, 1)
print(b.grad_fn.name())
c = x * 3
c.fill_(torch.tensor(2.0))
print(c, c.grad_fn.name())
d = x * 2 + 10
d.sqrt_()
print(d)
(d * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad)
x.grad = None
e = x * 1
e.abs_().log_()
print(e)
e.sum().backward()
print(x.grad)
