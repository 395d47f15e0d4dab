import torch
s = torch.tensor(5)
print(s, s.dim(), s.shape, s + 1, s * torch.ones(2))
f = torch.tensor(0.5)
print(f * torch.tensor([2, 4]), (f * torch.tensor([2, 4])).dtype)
print(torch.tensor([1, 2]) + torch.tensor(0.5))
print(s.item() + 1, s.tolist())
