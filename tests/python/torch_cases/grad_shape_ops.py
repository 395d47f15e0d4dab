import torch
x = torch.arange(6.).reshape(2, 3).requires_grad_()
y = torch.cat([x, x * 2], dim=0).t().reshape(-1)
(y * torch.arange(12.)).sum().backward()
print(x.grad)
x.grad = None
a, b = x.split(2, dim=1)
(a.sum() * 2 + b.sum()).backward()
print(x.grad)
x.grad = None
torch.stack([x, x]).unsqueeze(0).expand(2, 2, 2, 3).sum().backward()
print(x.grad)
