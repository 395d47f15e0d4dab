import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(6)
x = torch.randn(1, 1, 5, 5, requires_grad=True)
pool = nn.AdaptiveMaxPool2d((2, 3), return_indices=True)
print(pool)
out, idx = pool(x)
print(out)
print(idx)
out.sum().backward()
print(x.grad)
print(nn.AdaptiveMaxPool2d(2)(x).grad_fn.name())
p1 = nn.AdaptiveMaxPool1d(2)
print(p1, p1(torch.tensor([[[1., 5., 2., 4., 3.]]])))
print(F.adaptive_max_pool1d(torch.tensor([[[1., 5., 2., 4., 3.]]]), 3, return_indices=True))
print(F.adaptive_max_pool2d(x, (None, 1)).shape)
