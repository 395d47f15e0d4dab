import torch
import torch.nn as nn
torch.manual_seed(7)
x = torch.randn(2, 4, 4)
print(nn.MaxPool2d(2)(x))
print(nn.AvgPool2d(2)(x))
print(nn.AdaptiveAvgPool2d(1)(x))
print(nn.MaxPool1d(2)(torch.randn(3, 4)).shape)
