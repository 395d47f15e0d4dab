import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
d = x.data
d[0] = 10
print(x)
x.data = torch.tensor([5.0, 6.0])
print(x, x.requires_grad)
e = x.detach()
e[1] = 0
print(x)
y = (x * 2)
y.detach_()
print(y, y.requires_grad, y.grad_fn)
