import torch
x = torch.arange(6.).reshape(2, 3).requires_grad_()
y = x[0, 1:] * 2 + x[:, 0].sum() + x[x > 3].sum()
y.sum().backward()
print(x.grad)
