import torch
print(torch.arange(2000))
print(torch.arange(30.).reshape(5, 6) / 7)
print(torch.tensor([1e-8, 1.0, 1e8]))
print(torch.tensor([0.1, 100.0, -3.25]))
