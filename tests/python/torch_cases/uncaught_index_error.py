import torch
x = torch.zeros(3)
print(x[1])
x[5]
