import torch
x = torch.arange(12)
print(x.view(3, 4), x.view(-1, 6), x.reshape((2, 6)), x.reshape(2, -1, 2).shape)
print(x.view(3, 4).t().is_contiguous(), x.view(3, 4).is_contiguous())
try:
    x.view(3, 4).t().view(12)
except RuntimeError as e:
    print(e)
print(x.view(3, 4).t().reshape(12))
try:
    x.view(5, -1)
except RuntimeError as e:
    print(e)
print(x.view(2, 2, 3).flatten(), x.view(2, 2, 3).flatten(1).shape, torch.flatten(x.view(3, 4)))
print(x.view(3, 4).view_as(torch.zeros(4, 3)))
