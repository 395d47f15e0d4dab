import torch
x = torch.arange(6.).reshape(2, 3)
print(x.masked_fill(torch.tensor([1, 0, 1]), -1.0))
print(x.masked_fill(torch.tensor([[True], [False]]), 0.5))
print(x.masked_fill(x > 2, torch.tensor(9.0)))
try:
    x.masked_fill(x > 2, torch.tensor([1.0, 2.0]))
except RuntimeError as e:
    print(e)
i = torch.arange(4)
print(i.masked_fill(i > 1, 2.7))
