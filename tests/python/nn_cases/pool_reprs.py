import torch.nn as nn
print(nn.MaxPool2d(2))
print(nn.MaxPool2d((3, 2), stride=1, padding=(1, 0), dilation=2, ceil_mode=True))
print(nn.MaxPool1d(4, 1, 2))
print(nn.AvgPool2d(2, stride=1, padding=0, ceil_mode=True))
print(nn.AvgPool1d(3, 2, 1))
print(nn.AdaptiveAvgPool2d((None, 7)))
print(nn.AdaptiveMaxPool2d(1))
print(nn.AdaptiveAvgPool1d(5), nn.AdaptiveMaxPool1d(2, return_indices=True))
