import torch
x = torch.zeros(2, 3, 4)
print(x.shape, x.size(), x.size(1), x.size(-1))
print(x.dim(), x.ndim, x.numel(), x.nelement())
print(x.shape == (2, 3, 4), x.shape[1:], x.shape[0])
print(type(x.shape).__name__, isinstance(x.shape, tuple))
s = torch.Size([2, 3])
print(s, s.numel(), len(s), list(s))
a, b, c = x.shape
print(a, b, c)
print(torch.tensor(1.).shape)
print(x.shape + (5,))
