import torch
x = torch.tensor([1.0, 3.0, 3.0, -2.0], requires_grad=True)
x.max().backward()
print(x.grad)
x.grad = None
x.abs().sum().backward()
print(x.grad)
x.grad = None
torch.tensor([0.0]).requires_grad_()
x.clamp(0, 2).sum().backward()
print(x.grad)
