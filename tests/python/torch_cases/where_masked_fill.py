import torch
x = torch.tensor([[1.0, -2.0], [-3.0, 4.0]])
print(torch.where(x > 0, x, torch.zeros(2, 2)))
print(torch.where(x > 0, x, 0.0), torch.where(x > 0, 1, 0))
print(x.masked_fill(x < 0, 0.0), x.masked_fill(x > 0, -1))
print(x.where(x < 0, torch.tensor(9.0)))
y = x.clone()
y.masked_fill_(y > 0, 100)
print(y)
try:
    torch.where(x, x, x)
except RuntimeError as e:
    print(e)
