import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
y[0] = 10.0
y[1:] = x[1:] * 3
print(y)
y.sum().backward()
print(x.grad)
try:
    x[0] = 1.0
except RuntimeError as e:
    print(e)
