import torch
g = torch.manual_seed(3)
print(type(g).__name__)
print(torch.initial_seed())
print(torch.randn(4))
print(torch.randn(2, generator=g))
print(g.initial_seed(), g.manual_seed(5) is g, torch.rand(2))
