import torch
import torch.nn as nn
for nl in ['linear', 'conv2d', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu']:
    print(nl, nn.init.calculate_gain(nl))
print(nn.init.calculate_gain('leaky_relu', 0.2))
try:
    nn.init.calculate_gain('softmax')
except ValueError as e:
    print(type(e).__name__, e)
try:
    nn.init.xavier_uniform_(torch.empty(3))
except ValueError as e:
    print(type(e).__name__, e)
try:
    nn.init.kaiming_normal_(torch.empty(2, 2), mode='fan_avg')
except ValueError as e:
    print(type(e).__name__, e)
p = nn.Parameter(torch.zeros(2, 2))
nn.init.normal_(p)
print(p.requires_grad, p.grad_fn, p.is_leaf)
