import torch
x = torch.tensor([-1.0, 2.0], requires_grad=True)
y = x * 2
y.relu_()
print(y)
y.sum().backward()
print(x.grad)
z = x + 0
z += 5
z *= 2
print(z)
z.sum().backward()
print(x.grad)
