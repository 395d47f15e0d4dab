import torch
import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(2, 5, requires_grad=True)
for act in [nn.ReLU(), nn.LeakyReLU(), nn.LeakyReLU(0.2), nn.GELU(), nn.GELU(approximate='tanh'), nn.SiLU(),
            nn.Sigmoid(), nn.Tanh(), nn.Hardtanh(), nn.ReLU6(), nn.ELU(alpha=0.5)]:
    y = act(x)
    print(act)
    print(y)
    y.sum().backward()
    print(x.grad)
    x.grad = None
