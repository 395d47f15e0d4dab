import torch
x = torch.tensor([[0.0, 1.5], [2.0, 0.0]])
print(x.nonzero())
print(torch.nonzero(x))
print(x.nonzero(as_tuple=True))
rows, cols = torch.where(x > 0)
print(rows, cols)
print(torch.tensor([0, 3, 0, 4]).nonzero())
