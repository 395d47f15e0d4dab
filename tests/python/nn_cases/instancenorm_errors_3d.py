import torch
import torch.nn as nn
torch.manual_seed(2)
i3 = nn.InstanceNorm3d(2, momentum=0.2, eps=1e-3)
print(i3)
print(i3(torch.randn(1, 2, 2, 2, 2)).shape)
for layer, shape in [(nn.InstanceNorm1d(2), (2, 2, 2, 2)), (nn.InstanceNorm2d(2), (2, 2)),
                     (nn.InstanceNorm3d(2), (2, 2, 2))]:
    try:
        layer(torch.randn(*shape))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    nn.InstanceNorm2d(2)(torch.randn(2, 2, 1, 1))
except ValueError as e:
    print(type(e).__name__, e)
