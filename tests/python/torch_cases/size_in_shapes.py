import torch
x = torch.ones(2, 3)
s = x.size()
print(torch.zeros(s), torch.ones(x.shape[0], 4).shape, x.view(s[1], s[0]).shape)
print(x.reshape(x.shape[::-1]).shape, x.new_zeros(x.shape).shape, torch.randn(x.size()).shape)
n, d = x.shape
print(n * d, x.numel(), x.shape.numel())
