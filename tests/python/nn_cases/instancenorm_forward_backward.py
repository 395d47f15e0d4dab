import torch
import torch.nn as nn
torch.manual_seed(0)
inorm = nn.InstanceNorm2d(2)
print(inorm)
x = torch.randn(2, 2, 3, 3, requires_grad=True)
y = inorm(x)
print(y[1])
print(y.grad_fn.name())
(y * torch.arange(36.).reshape(2, 2, 3, 3)).sum().backward()
print(x.grad[0])
print(list(inorm.parameters()), list(inorm.buffers()))
