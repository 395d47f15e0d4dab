import torch
e = torch.zeros(0)
print(e, e.shape, e.sum(), e.numel())
print(torch.ones(2, 0), torch.ones(2, 0).sum(1))
print(torch.arange(0), torch.tensor([], dtype=torch.int64))
