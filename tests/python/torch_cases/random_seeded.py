import torch
torch.manual_seed(0)
print(torch.rand(3))
print(torch.randn(2, 3))
print(torch.randint(0, 10, (5,)))
print(torch.randint(5, (2, 2)))
print(torch.randperm(6))
torch.manual_seed(0)
print(torch.rand(3))
