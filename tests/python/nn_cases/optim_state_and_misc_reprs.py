import torch
import torch.nn as nn
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.5)
(w * w).sum().backward()
opt.step()
print(opt.state)
print(opt.defaults)
print(opt.param_groups[0]['params'])
m = nn.Linear(2, 2)
print(m.to('cpu') is m, m.float() is m, m.training)
print(nn.Sequential(nn.Linear(1, 1))[0].__class__.__name__)
print(repr(nn.Conv2d(2, 4, (3, 5), stride=(2, 1), padding=(4, 2), dilation=3, groups=2, bias=False)))
print(nn.Conv1d(2, 2, 3, padding='valid'))
