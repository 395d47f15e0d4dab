import torch
x = torch.arange(12).reshape(3, 4)
print(x.narrow(0, 1, 2), x.narrow(1, -2, 2), torch.narrow(x, 1, 0, 1))
print(x.select(1, 2), x.select(0, -1))
try:
    x.narrow(0, 2, 2)
except RuntimeError as e:
    print(e)
