import torch
import torch.nn as nn
torch.manual_seed(3)
model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
opt = torch.optim.SGD([{'params': model[0].parameters()}, {'params': model[1].parameters(), 'lr': 0.5}],
                      lr=0.01, momentum=0.9)
print(opt)
print([len(g['params']) for g in opt.param_groups])
print(opt.param_groups[1]['lr'], opt.param_groups[0]['momentum'])
extra = torch.zeros(1, requires_grad=True)
opt.add_param_group({'params': extra, 'weight_decay': 0.1})
print(opt)
opt.param_groups[0]['lr'] = 0.2
print(opt.state_dict()['param_groups'])
