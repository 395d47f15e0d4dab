import torch
import torch.nn as nn
torch.manual_seed(1)
lin = nn.Linear(4, 3, bias=False)
print(lin)
print(lin.bias)
x = torch.randn(2, 2, 4)
y = lin(x)
print(y.shape)
print(y)
print([name for name, _ in lin.named_parameters()])
