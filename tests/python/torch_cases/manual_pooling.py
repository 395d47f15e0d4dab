import torch
x = torch.arange(16.).reshape(1, 1, 4, 4)
patches = x.reshape(1, 1, 2, 2, 2, 2).permute(0, 1, 2, 4, 3, 5).reshape(1, 1, 2, 2, 4)
print(patches.max(-1).values)
print(patches.mean(-1))
print(x.mean(dim=(2, 3)))
