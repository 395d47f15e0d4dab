import torch
x = torch.ones(2)
print(x.requires_grad)
x.requires_grad_()
print(x.requires_grad, x)
y = x + 1
print(y.requires_grad, y.is_leaf)
try:
    y.requires_grad = False
except RuntimeError as e:
    print(e)
d = y.detach()
print(d.requires_grad, d.is_leaf, d)
x.requires_grad = False
print(x)
try:
    torch.tensor([1, 2]).requires_grad_()
except RuntimeError as e:
    print(e)
