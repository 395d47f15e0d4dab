import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
drop = nn.Dropout(0.5)
x = torch.ones(3, 4, requires_grad=True)
y = drop(x)
print(y)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
drop.eval()
z = drop(x)
print(z is x)
print(F.dropout(torch.ones(6), 0.2))
print(F.dropout(torch.ones(6), 0.2, training=False))
print(F.dropout(torch.ones(3), 1.0))
print(F.dropout(torch.ones(3), 0.0))
try:
    nn.Dropout(1.5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    F.dropout(torch.ones(2), -0.1)
except ValueError as e:
    print(type(e).__name__, e)
