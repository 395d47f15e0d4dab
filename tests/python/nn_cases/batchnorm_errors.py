import torch
import torch.nn as nn
bn = nn.BatchNorm2d(3)
try:
    bn(torch.randn(2, 4, 2, 2))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    bn(torch.randn(1, 3, 1, 1))
except ValueError as e:
    print(type(e).__name__, e)
bn.eval()
print(bn(torch.ones(1, 3, 1, 1)))
