import torch
import torch.nn as nn
from collections import OrderedDict
seq = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1), nn.Sigmoid())
print(len(seq))
print(seq[0], seq[-1])
print(seq[1:3])
print(type(seq[:2]).__name__)
print([type(m).__name__ for m in seq])
try:
    seq[10]
except IndexError as e:
    print(type(e).__name__, e)
seq[1] = nn.Tanh()
print(seq)
del seq[1]
print(seq)
seq.append(nn.Identity())
print(list(seq._modules.keys()))
named = nn.Sequential(OrderedDict([('fc', nn.Linear(1, 1)), ('act', nn.ReLU())]))
print(named)
print(named.fc)
