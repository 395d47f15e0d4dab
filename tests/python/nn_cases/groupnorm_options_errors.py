import torch
import torch.nn as nn
torch.manual_seed(1)
gn = nn.GroupNorm(1, 3, eps=1e-3, affine=False)
print(gn, gn.weight)
print(gn(torch.randn(2, 3, 2, 2))[0])
gn4 = nn.GroupNorm(4, 4)
print(gn4(torch.randn(1, 4, 3))[0])
try:
    nn.GroupNorm(3, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    nn.GroupNorm(2, 4)(torch.randn(2, 6, 3))
except RuntimeError as e:
    print(type(e).__name__, e)
