import torch
from torch import nn
torch.manual_seed(0)
print(nn.Linear(3, 2).weight)
torch.manual_seed(0)
layer = nn.Linear(5, 1)
print(layer.weight, layer.bias, sep='\n')
print(layer.in_features, layer.out_features)
