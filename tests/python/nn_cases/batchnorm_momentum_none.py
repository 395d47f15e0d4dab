import torch
import torch.nn as nn
torch.manual_seed(3)
bn = nn.BatchNorm1d(2, momentum=None)
print(bn)
xs = [torch.randn(6, 2) + i for i in range(3)]
for x in xs:
    bn(x)
    print(bn.running_mean, bn.num_batches_tracked)
print(bn.running_var)
