import torch
import torch.nn as nn
x = torch.arange(49.).reshape(1, 1, 7, 7)
for pool in [nn.MaxPool2d(3, stride=2, ceil_mode=True),
             nn.MaxPool2d(2, stride=2, padding=1),
             nn.MaxPool2d(3, stride=1, dilation=2),
             nn.MaxPool2d((2, 3), stride=(3, 2), ceil_mode=True),
             nn.MaxPool2d(2, 3, 1, ceil_mode=True)]:
    print(pool)
    print(pool(x))
