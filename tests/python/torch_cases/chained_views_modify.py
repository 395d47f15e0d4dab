import torch
x = torch.zeros(2, 3)
v = x.view(3, 2)
v[0, 0] = 1
t = x.t()
t[2, 1] = 5
print(x)
y = x.reshape(6)
y[1] = 7
print(x)
x.unsqueeze(0)[0, 0, 2] = 3
print(x)
