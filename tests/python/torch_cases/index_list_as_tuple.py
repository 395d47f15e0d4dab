import torch
x = torch.arange(6).reshape(2, 3)
print(x[[[0, 1]]])
print(x[[0, slice(1, 3)]])
print(x[[[0, 1], [2, 0]]])
print(x[[0, None]].shape)
