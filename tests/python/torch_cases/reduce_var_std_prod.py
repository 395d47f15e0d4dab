import torch
x = torch.tensor([[1.0, 2.0, 4.0], [3.0, 5.0, 8.0]])
print(x.var(), x.std(), x.var(unbiased=False), x.std(0))
print(x.var(1, keepdim=True), x.std(dim=1, unbiased=False))
print(torch.var(x), torch.std(x, 1))
print(x.prod(), x.prod(0), x.prod(1, keepdim=True))
print(torch.tensor([1, 2, 3]).prod())
