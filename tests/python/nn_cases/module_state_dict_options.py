import torch
import torch.nn as nn
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 1), nn.BatchNorm1d(1))
sd = net.state_dict(prefix='model.')
print(list(sd.keys()))
print(sd._metadata)
kv = net.state_dict(keep_vars=True)
print(kv['0.weight'].requires_grad, type(kv['0.weight']).__name__)
dest = {}
net.state_dict(destination=dest)
print(sorted(dest.keys()))
holder = nn.Module()
holder.register_module('inner', nn.Linear(1, 1))
holder.add_module('act', nn.ReLU())
print(holder)
print(list(holder.state_dict().keys()))
print(nn.Module())
