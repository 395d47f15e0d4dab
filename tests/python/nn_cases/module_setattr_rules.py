import torch
import torch.nn as nn
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(2))
        self.child = nn.Linear(1, 1)
m = M()
try:
    m.w = torch.ones(2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    m.child = 3
except TypeError as e:
    print(type(e).__name__, e)
m.w = None
print(list(m._parameters.items()))
m.child = None
print(m)
m.w = nn.Parameter(torch.ones(3))
print(m.w)
try:
    m.register_parameter('p', torch.ones(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    m.register_parameter('q', nn.Parameter(torch.ones(1)) * 2)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    m.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    m.add_module('x', 5)
except TypeError as e:
    print(type(e).__name__, e)
class Early(nn.Module):
    def __init__(self):
        self.p = nn.Parameter(torch.ones(1))
try:
    Early()
except AttributeError as e:
    print(type(e).__name__, e)
