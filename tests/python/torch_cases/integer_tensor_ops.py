import torch
x = torch.arange(10)
print(x[x % 2 == 0], (x * x).sum(), x.max(), x.argmax(), x.float().mean())
print(x.view(2, 5).sum(1), x.cumsum(0)[-1], x.prod() if False else x[1:5].prod())
print(torch.tensor([3, 1, 2]).min(), torch.tensor([-3, 1]).abs(), torch.tensor([5]) // torch.tensor([2]))
