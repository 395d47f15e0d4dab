import torch
import torch.nn as nn
class NoForward(nn.Module):
    pass
try:
    NoForward()(torch.ones(1))
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    nn.ModuleList([nn.ReLU()])(torch.ones(1))
except NotImplementedError as e:
    print(type(e).__name__, e)
names = []
def record(m):
    names.append(type(m).__name__)
net = nn.Sequential(nn.Linear(1, 1), nn.Sequential(nn.ReLU(), nn.Tanh()))
print(net.apply(record) is net)
print(names)
def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.constant_(m.weight, 0.5)
        nn.init.zeros_(m.bias)
net.apply(init_weights)
print(net[0].weight, net[0].bias)
print(net(torch.tensor([[2.0]])))
