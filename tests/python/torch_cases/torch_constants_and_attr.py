import torch
print(torch.pi, torch.e, torch.inf, torch.nan)
print(torch.tensor([torch.inf, -torch.inf, torch.nan]))
try:
    torch.foo
except AttributeError as e:
    print(e)
try:
    torch.ones(2).foo
except AttributeError as e:
    print(e)
