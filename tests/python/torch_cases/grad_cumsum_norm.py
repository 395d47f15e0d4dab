import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
(x.cumsum(0) * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
print(x.grad)
x.grad = None
x.norm(p=1).backward()
print(x.grad)
x.grad = None
x.norm(dim=0).backward()
print(x.grad)
