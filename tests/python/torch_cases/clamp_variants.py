import torch
x = torch.tensor([-2.0, -0.5, 0.5, 2.0])
print(x.clamp(-1, 1), x.clamp(min=0), x.clamp(max=0.0), torch.clamp(x, -1.5, 1.5))
print(x.clip(0, 1), torch.clip(x, max=1))
i = torch.tensor([-3, 0, 3])
print(i.clamp(-1, 1), i.clamp(0.5))
print(x.clamp(torch.tensor([0.0, 0.0, 0.0, 0.0]), torch.tensor([1.0, 1.0, 1.0, 1.0])))
try:
    x.clamp()
except RuntimeError as e:
    print(e)
