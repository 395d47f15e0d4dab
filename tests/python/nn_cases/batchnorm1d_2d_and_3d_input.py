import torch
import torch.nn as nn
torch.manual_seed(2)
bn = nn.BatchNorm1d(4)
print(bn)
print(bn(torch.randn(5, 4)))
print(bn(torch.randn(2, 4, 3)))
print(bn.running_mean)
print(bn.running_var)
try:
    bn(torch.randn(2, 4, 3, 3))
except ValueError as e:
    print(type(e).__name__, e)
try:
    bn(torch.randn(1, 4))
except ValueError as e:
    print(type(e).__name__, e)
