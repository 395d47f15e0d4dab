import torch
i = torch.tensor([7, -7])
print(i / 2, i // 2, i % 3, -i // 2)
try:
    i // 0
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.tensor([1.0]) / 0, torch.tensor([-1.0]) / 0, torch.tensor([0.0]) / 0)
try:
    torch.tensor([2]) ** -1
except RuntimeError as e:
    print(e)
