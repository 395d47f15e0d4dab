import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.randn(1, 1, 4, 4)
for make in [lambda: nn.AvgPool2d(2, padding=2)(x),
             lambda: nn.AvgPool2d(5)(x),
             lambda: F.adaptive_avg_pool2d(torch.randn(4, 4), (2, 2)),
             lambda: nn.MaxPool2d(2, stride=0)(x),
             lambda: nn.AvgPool1d(3, padding=2)(torch.randn(1, 1, 5))]:
    try:
        make()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
