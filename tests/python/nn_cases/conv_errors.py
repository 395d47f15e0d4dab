import torch
import torch.nn as nn
for args in [dict(in_channels=3, out_channels=4, kernel_size=3, groups=2),
             dict(in_channels=4, out_channels=3, kernel_size=3, groups=2),
             dict(in_channels=4, out_channels=4, kernel_size=3, groups=0)]:
    try:
        nn.Conv2d(**args)
    except ValueError as e:
        print(type(e).__name__, e)
conv = nn.Conv2d(3, 2, 3)
try:
    conv(torch.randn(1, 2, 5, 5))
except RuntimeError as e:
    print(type(e).__name__, e)
