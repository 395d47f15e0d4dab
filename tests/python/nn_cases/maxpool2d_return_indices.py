import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(1)
x = torch.randn(1, 1, 4, 4, requires_grad=True)
pool = nn.MaxPool2d(2, return_indices=True)
out, idx = pool(x)
print(out)
print(idx)
out.sum().backward()
print(x.grad)
o2, i2 = F.max_pool2d(x, 3, 1, return_indices=True)
print(o2, i2)
print(F.max_pool2d_with_indices(x, 2)[1])
