import torch
x = torch.tensor([[1], [2]])
print(x.expand(2, 3), x.expand(-1, 4).shape, x.expand(3, 2, 2).shape)
print(x.repeat(2, 3), x.repeat(1, 1, 2).shape)
print(torch.tensor([1, 2]).expand_as(torch.zeros(3, 2)))
try:
    x.expand(3, 3)
except RuntimeError as e:
    print(e)
