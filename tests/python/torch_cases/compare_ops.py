import torch
x = torch.tensor([1, 2, 3])
print(x == 2, x != 2, x < 2, x <= 2, x > 2, x >= 2)
print(2 < x, 2 == x)
print(x == torch.tensor([1, 0, 3]))
print(x.eq(2), x.gt(1.5), x.le(torch.tensor([3, 2, 1])))
print(x == None, x is None)
print((x > 1).dtype, (x > 1).sum())
