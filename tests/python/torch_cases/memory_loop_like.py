import torch
total = 0.0
for i in range(200):
    y = torch.randn(64, 64)
    total += y.shape[0]
print(total)
