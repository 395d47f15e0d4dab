import torch
g = torch.manual_seed(11)
a = torch.randn(3, generator=g)
print(a)
print(torch.rand(2, generator=g), torch.zeros(3).normal_(generator=g))
print(g.manual_seed(11) is g, torch.randn(3).equal(a))
print(torch.randperm(5, generator=g), torch.randint(0, 9, (3,), generator=g))
