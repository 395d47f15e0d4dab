import torch
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    y = x + 1
    x.add_(1)
print(x, y)
print(x.grad_fn, y.grad_fn)
