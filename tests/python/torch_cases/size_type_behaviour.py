import torch
s = torch.ones(2, 3, 4).shape
print(s[1:], s[-1], s[::-1] if False else s[::2], tuple(s), s == torch.Size([2, 3, 4]))
print(torch.Size((1, 2)) + torch.Size((3,)), torch.Size([]), torch.Size([5]).numel())
print(str(s), repr(s), f"{s}")
print(s.index(3), s.count(2), 3 in s)
print(torch.zeros(s).shape, torch.ones(*s).shape)
