import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
c = x.clone()
print(c, c.is_leaf, c.requires_grad)
c.sum().backward()
print(x.grad)
d = x.detach().clone()
d[0] = 100
print(x, d, d.requires_grad)
e = x.clone().detach().requires_grad_(True)
print(e, e.is_leaf)
