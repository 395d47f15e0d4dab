import torch.nn as nn
net = nn.Sequential(nn.Linear(2, 3), nn.Sequential(nn.ReLU(), nn.Linear(3, 1)))
print(net.get_submodule('1.1'))
print(net.get_parameter('1.1.bias').shape)
print(list(net.children())[1])
print([type(m).__name__ for m in net.modules()])
try:
    net.get_submodule('1.5')
except AttributeError as e:
    print(type(e).__name__, e)
