import torch
import torch.nn as nn
x = torch.arange(25.).reshape(1, 1, 5, 5)
for pool in [nn.AvgPool2d(2),
             nn.AvgPool2d(3, stride=2, padding=1),
             nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False),
             nn.AvgPool2d(2, ceil_mode=True),
             nn.AvgPool2d(2, ceil_mode=True, divisor_override=3),
             nn.AvgPool2d((2, 3), stride=(1, 2))]:
    print(pool)
    print(pool(x))
