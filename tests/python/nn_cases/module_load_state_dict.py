import torch
import torch.nn as nn
torch.manual_seed(0)
a = nn.Linear(3, 2)
b = nn.Linear(3, 2)
print(b.load_state_dict(a.state_dict()))
print(torch.equal(a.weight, b.weight), b.weight.requires_grad)
sd = a.state_dict()
del sd['bias']
sd['extra'] = torch.zeros(1)
try:
    b.load_state_dict(sd)
except RuntimeError as e:
    print(type(e).__name__, e)
result = b.load_state_dict(sd, strict=False)
print(result)
print(result.missing_keys, result.unexpected_keys)
try:
    b.load_state_dict({'weight': torch.zeros(2, 2), 'bias': torch.zeros(2)})
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    b.load_state_dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
