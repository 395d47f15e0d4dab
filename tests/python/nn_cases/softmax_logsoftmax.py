import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(2)
x = torch.randn(2, 4, requires_grad=True)
s = nn.Softmax(dim=1)(x)
print(s)
print(s.sum(1))
print(s.grad_fn.name())
ls = F.log_softmax(x, dim=0)
print(ls, ls.grad_fn.name())
(s[:, 0].sum() + ls[0].sum()).backward()
print(x.grad)
print(F.softmax(torch.tensor([1000., 0., -1000.]), dim=0))
print(F.log_softmax(torch.randn(2, 3, 2), -1))
