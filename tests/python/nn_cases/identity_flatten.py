import torch
import torch.nn as nn
x = torch.arange(24.).reshape(2, 3, 4)
print(nn.Identity(54, unused='x')(x) is x)
f = nn.Flatten()
print(f, f(x).shape)
print(nn.Flatten(0, 1)(x).shape)
print(nn.Flatten(start_dim=-2)(x).shape)
model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(8, 1))
print(model(torch.randn(5, 1, 4, 4)).shape)
