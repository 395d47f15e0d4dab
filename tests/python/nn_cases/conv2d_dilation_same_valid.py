import torch
import torch.nn as nn
torch.manual_seed(5)
conv = nn.Conv2d(1, 1, 3, dilation=2, padding='same')
print(conv)
x = torch.randn(1, 1, 6, 6)
print(conv(x).shape)
print(conv(x))
valid = nn.Conv2d(1, 2, 2, padding='valid')
print(valid)
print(valid(x).shape)
try:
    nn.Conv2d(1, 1, 3, stride=2, padding='same')
except ValueError as e:
    print(type(e).__name__, e)
