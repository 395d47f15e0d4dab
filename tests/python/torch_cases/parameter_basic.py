import torch
import torch.nn as nn
p = torch.nn.Parameter(torch.tensor([1.0, 2.0]))
print(p)
print(type(p).__name__, isinstance(p, torch.Tensor), p.requires_grad, p.is_leaf)
q = p * 2
print(q, type(q).__name__)
q.sum().backward()
print(p.grad)
f = torch.nn.Parameter(torch.zeros(2), requires_grad=False)
print(f)
try:
    torch.nn.Parameter(torch.tensor([1, 2]))
except RuntimeError as e:
    print(e)
