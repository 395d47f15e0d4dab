import torch
import torch.nn.functional as F
torch.manual_seed(3)
x = torch.randn(2, 4, 2)
print(F.group_norm(x, 2))
print(F.group_norm(x, 4, torch.ones(4) * 2, torch.zeros(4)))
print(F.instance_norm(x))
rm = torch.zeros(4)
rv = torch.ones(4)
print(F.instance_norm(x, rm, rv, momentum=0.5))
print(rm)
print(rv)
