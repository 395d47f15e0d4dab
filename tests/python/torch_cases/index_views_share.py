import torch
x = torch.arange(6.).reshape(2, 3)
row = x[0]
row[1] = 100
print(x)
col = x[:, 2]
col += 1
print(x)
sel = x[x > 50]
sel[0] = -1
print(x)
