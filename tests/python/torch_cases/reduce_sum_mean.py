import torch
x = torch.arange(12.).reshape(3, 4)
print(x.sum(), x.sum(0), x.sum(1), x.sum(dim=-1, keepdim=True))
print(x.mean(), x.mean(0), x.mean((0, 1)), x.mean(dim=1, keepdim=True))
print(torch.sum(x, 0), torch.mean(x))
i = torch.tensor([[1, 2], [3, 4]])
print(i.sum(), i.sum(0).dtype, torch.tensor([True, True, False]).sum())
try:
    i.mean()
except RuntimeError as e:
    print(e)
print(i.float().mean())
