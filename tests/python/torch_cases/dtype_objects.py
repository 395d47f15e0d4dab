import torch
print(torch.float32, torch.float, torch.int64, torch.long, torch.bool)
print(torch.float is torch.float32, torch.long == torch.int64)
print(type(torch.float32).__name__)
x = torch.tensor([1, 2])
print(x.dtype == torch.int64, x.float().dtype, x.bool())
print(torch.float32.is_floating_point, torch.int64.is_floating_point)
print(x.is_floating_point(), x.float().is_floating_point())
