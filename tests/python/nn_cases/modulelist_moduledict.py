import torch
import torch.nn as nn
ml = nn.ModuleList([nn.Linear(1, 2), nn.ReLU()])
ml.append(nn.Tanh())
ml.extend([nn.Sigmoid()])
ml.insert(1, nn.Identity())
print(ml)
print(len(ml), ml[-1], ml[1:3])
del ml[0]
print(list(ml._modules.keys()))
try:
    ml[7]
except IndexError as e:
    print(type(e).__name__, e)
md = nn.ModuleDict({'conv': nn.Conv2d(1, 1, 1), 'act': nn.ReLU()})
md['pool'] = nn.MaxPool2d(2)
print(md)
print(list(md.keys()), 'act' in md, len(md))
print(md.pop('act'))
for k, v in md.items():
    print(k, type(v).__name__)
md.update([('extra', nn.Tanh())])
print(list(md))
