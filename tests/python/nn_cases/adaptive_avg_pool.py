import torch
import torch.nn as nn
torch.manual_seed(5)
x = torch.randn(1, 2, 5, 7, requires_grad=True)
for pool in [nn.AdaptiveAvgPool2d(3), nn.AdaptiveAvgPool2d((2, None)), nn.AdaptiveAvgPool2d((1, 1)),
             nn.AdaptiveAvgPool2d((None, 4))]:
    print(pool)
    y = pool(x)
    print(y.shape, y.grad_fn.name())
print(nn.AdaptiveAvgPool2d((2, 3))(x))
nn.AdaptiveAvgPool2d((2, 3))(x).sum().backward()
print(x.grad)
p1 = nn.AdaptiveAvgPool1d(3)
print(p1, p1(torch.arange(7.).reshape(1, 1, 7)))
