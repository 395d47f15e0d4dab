import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(4)
pool = nn.AvgPool1d(3, stride=2, padding=1)
print(pool)
print(nn.AvgPool1d(2))
x = torch.randn(1, 2, 6, requires_grad=True)
y = pool(x)
print(y)
y.sum().backward()
print(x.grad)
print(F.avg_pool1d(x, 4, ceil_mode=True, count_include_pad=False))
