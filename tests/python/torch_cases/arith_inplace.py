import torch
x = torch.tensor([1.0, 2.0])
y = x
x += 1
print(x, y, x is y)
x *= 3
x -= torch.tensor([1.0, 1.0])
x /= 2
print(y)
i = torch.tensor([5, 7])
i //= 2
print(i)
i %= 2
print(i)
try:
    i /= 2
except RuntimeError as e:
    print(e)
z = torch.zeros(2)
try:
    z += torch.ones(2, 2)
except RuntimeError as e:
    print(e)
