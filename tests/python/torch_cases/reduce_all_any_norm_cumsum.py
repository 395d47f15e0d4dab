import torch
b = torch.tensor([[True, False], [True, True]])
print(b.all(), b.any(), b.all(1), b.any(0), torch.all(b))
x = torch.tensor([[3.0, -4.0], [1.0, 2.0]])
print(x.norm(), x.norm(p=1), x.norm(dim=1), torch.norm(x, dim=0))
print(x.norm(float("inf")))
print(x.cumsum(0), x.cumsum(dim=1), torch.cumsum(torch.arange(5), 0))
