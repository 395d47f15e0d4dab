import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
sd = model.state_dict()
print(type(sd).__name__)
print(sd)
print(list(sd.keys()))
print(sd['0.weight'].requires_grad)
print(nn.Linear(1, 1, bias=False).state_dict())
print(nn.ReLU().state_dict())
