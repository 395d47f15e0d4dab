import torch
import torch.nn as nn
torch.manual_seed(0)
conv = nn.Conv2d(2, 2, 2)
print(conv.weight)
print(conv.bias)
torch.manual_seed(0)
c1 = nn.Conv1d(1, 2, 3, bias=False)
print(c1.weight)
