import torch
t = torch.tensor([1.0, 2.0])
p = torch.nn.Parameter(t)
t[0] = 5
print(p)
with torch.no_grad():
    p.mul_(2)
print(t, p.detach())
print(p.data)
