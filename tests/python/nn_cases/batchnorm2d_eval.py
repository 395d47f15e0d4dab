import torch
import torch.nn as nn
torch.manual_seed(1)
bn = nn.BatchNorm2d(2)
for _ in range(3):
    bn(torch.randn(4, 2, 3, 3) * 2 + 1)
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn.eval()
print(bn.training)
x = torch.randn(1, 2, 2, 2, requires_grad=True)
y = bn(x)
print(y)
y.sum().backward()
print(x.grad)
print(bn.num_batches_tracked)
