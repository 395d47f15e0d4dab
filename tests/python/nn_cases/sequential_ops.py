import torch
import torch.nn as nn
a = nn.Sequential(nn.ReLU(), nn.Tanh())
b = nn.Sequential(nn.Sigmoid())
print(a + b)
print(a * 2)
a += b
print(a)
print(a.pop(0))
print(a)
a.insert(0, nn.Identity())
a.extend([nn.ReLU()])
print(a)
print(a(torch.tensor([-1.0, 2.0])))
try:
    a + nn.ReLU()
except ValueError as e:
    print(type(e).__name__, e)
