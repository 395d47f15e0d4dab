import torch
import torch.nn as nn
shared = nn.Linear(2, 2)
net = nn.Sequential(shared, nn.ReLU(), shared)
print(len(list(net.parameters())))
print([n for n, _ in net.named_parameters()])
print([n for n, _ in net.named_modules()])
print(list(net.state_dict().keys()))
print(net)
class Tied(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(2, 2, bias=False)
        self.b = nn.Linear(2, 2, bias=False)
        self.b.weight = self.a.weight
t = Tied()
print([n for n, _ in t.named_parameters()])
print(list(t.state_dict().keys()))
