import torch
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
y = torch.tensor([0.5, 0.5, 3.0], requires_grad=True)
torch.where(x > 0, x * 2, y).sum().backward()
print(x.grad, y.grad)
x.grad = None
y.grad = None
torch.maximum(x, y).sum().backward()
print(x.grad, y.grad)
x.grad = None
x.masked_fill(x < 0, 0.0).sum().backward()
print(x.grad)
