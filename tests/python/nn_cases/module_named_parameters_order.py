import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc2 = nn.Linear(2, 2)
        self.scale = nn.Parameter(torch.ones(1))
        self.body = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 2))
        self.norm = nn.BatchNorm1d(2)
        self.register_buffer('counter', torch.zeros(1))
        self.plain = torch.ones(2)
torch.manual_seed(0)
net = Net()
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print([n for n, _ in net.named_buffers()])
print([n for n, _ in net.named_children()])
print([n for n, _ in net.named_modules()])
print(len(list(net.parameters())), len(list(net.modules())))
print(sum(p.numel() for p in net.parameters()))
print('plain' in net.__dict__, 'counter' in net.__dict__)
print([n for n, _ in net.named_parameters(prefix='model', recurse=False)])
