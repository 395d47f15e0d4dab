import torch
x = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)
y = (1 / x + 2 ** x + x ** 0.5 - 3 / x.sqrt()).sum()
y.backward()
print(y, x.grad)
