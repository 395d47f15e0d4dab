import torch
x = torch.zeros(3, 4)
x[0] = 1
x[1, 2] = 5
x[:, 3] = torch.tensor([7.0, 8.0, 9.0])
x[2, :2] = torch.tensor([-1.0, -2.0])
print(x)
x[x > 4] = 0
print(x)
x[[0, 2], [0, 1]] = 3.5
print(x)
y = torch.arange(5)
y[1:4] = 0
y[-1] = 2.7
print(y)
