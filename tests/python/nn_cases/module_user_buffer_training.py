import torch
import torch.nn as nn
class RunningScale(nn.Module):
    def __init__(self, n, momentum=0.5):
        super().__init__()
        self.momentum = momentum
        self.scale = nn.Parameter(torch.ones(n))
        self.register_buffer('running_max', torch.zeros(n))
    def forward(self, x):
        if self.training:
            with torch.no_grad():
                batch_max = x.abs().max(dim=0).values
                self.running_max.mul_(1 - self.momentum).add_(batch_max * self.momentum)
        return x * self.scale / (self.running_max + 1)
    def extra_repr(self):
        return f'n={self.scale.shape[0]}, momentum={self.momentum}'
torch.manual_seed(0)
m = RunningScale(3)
print(m)
for _ in range(2):
    out = m(torch.randn(4, 3))
print(m.running_max)
m.eval()
y = m(torch.ones(2, 3))
print(y)
y.sum().backward()
print(m.scale.grad)
print(m.state_dict())
