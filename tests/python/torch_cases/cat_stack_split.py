import torch
a = torch.arange(4).reshape(2, 2)
b = torch.arange(4, 8).reshape(2, 2)
print(torch.cat([a, b]), torch.cat((a, b), dim=1), torch.stack([a, b]).shape, torch.stack([a, b], 1))
x = torch.arange(10)
print(x.split(4), torch.split(x, [3, 7]), x.chunk(3), torch.chunk(x, 2))
try:
    torch.cat([a, torch.ones(3)])
except RuntimeError as e:
    print(e)
print(torch.cat([torch.ones(2), torch.zeros(1)]))
