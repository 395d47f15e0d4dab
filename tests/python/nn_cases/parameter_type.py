import torch
import torch.nn as nn
from torch.nn.parameter import Parameter
p = nn.Parameter(torch.tensor([1.0, 2.0]))
print(p)
print(type(p).__name__, isinstance(p, torch.Tensor), Parameter is nn.Parameter)
q = nn.Parameter(torch.zeros(2), requires_grad=False)
print(q)
lin = nn.Linear(2, 1)
print(type(lin.weight).__name__, lin.weight.is_leaf)
print(type(lin.state_dict()['weight']).__name__)
