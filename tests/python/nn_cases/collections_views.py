import torch
import torch.nn as nn
from collections import OrderedDict
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
sd = net.state_dict()
print(sd.keys())
print(len(sd.keys()), '0.bias' in sd.keys(), list(reversed(sd.keys()))[0])
print(sd.keys() - {'0.weight', '0.bias'} == {'1.weight', '1.bias', '1.running_mean', '1.running_var', '1.num_batches_tracked'})
print(net._modules.keys())
print(net._modules.values())
print(OrderedDict(a=1, b=2).items())
print(OrderedDict(a=1).values(), OrderedDict().keys())
for k, v in OrderedDict([('x', 1), ('y', 2)]).items():
    print(k, v)
print(sorted(OrderedDict([('b', 1), ('a', 2)]).items()))
print(OrderedDict(a=1).keys() == {'a'}, dict(OrderedDict(z=3)))
