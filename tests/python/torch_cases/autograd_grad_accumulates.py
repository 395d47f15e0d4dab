import torch
x = torch.tensor([2.0, -1.0], requires_grad=True)
for _ in range(3):
    (x * x).sum().backward()
    print(x.grad)
x.grad.zero_()
print(x.grad)
x.grad = None
print(x.grad)
(x ** 3).sum().backward()
print(x.grad)
