import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
for name, fn in [('silu', lambda t: F.silu(t, inplace=True)), ('hardtanh', lambda t: F.hardtanh(t, -0.5, 0.5, True)),
                 ('elu', lambda t: F.elu(t, 0.7, inplace=True)), ('relu6', lambda t: F.relu6(t * 4, inplace=True)),
                 ('leaky_relu', lambda t: F.leaky_relu(t, 0.3, inplace=True)),
                 ('dropout', lambda t: F.dropout(t, 0.4, inplace=True))]:
    a = torch.randn(5, requires_grad=True)
    b = a * 1.5
    c = fn(b)
    print(name, c is b, c.grad_fn.name(), len(c.grad_fn.next_functions))
    print(b)
    (c * torch.arange(5.)).sum().backward()
    print(a.grad)
x = torch.randn(4)
with torch.no_grad():
    y = nn.SiLU(inplace=True)(x)
print(y is x, x)
z = torch.randn(3)
nn.ELU(inplace=True)(z)
print(z)
d = torch.ones(6)
nn.Dropout(0.5, inplace=True)(d)
print(d)
leaf = torch.ones(2, requires_grad=True)
try:
    F.silu(leaf, inplace=True)
except RuntimeError as e:
    print(type(e).__name__, e)
