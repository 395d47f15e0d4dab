import torch
import torch.nn as nn
torch.manual_seed(1)
inorm = nn.InstanceNorm1d(3, affine=True, track_running_stats=True)
print(inorm)
x = torch.randn(2, 3, 5)
y = inorm(x)
print(y)
print(inorm.running_mean, inorm.running_var, inorm.num_batches_tracked)
inorm.eval()
print(inorm(x)[0])
print(nn.InstanceNorm1d(3)(torch.randn(3, 4)))
