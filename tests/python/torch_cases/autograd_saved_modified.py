import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 1
z = y * y
y += 1
try:
    z.sum().backward()
except RuntimeError as e:
    print(str(e).split(":")[0])
