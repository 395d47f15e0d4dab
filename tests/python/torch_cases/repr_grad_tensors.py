import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
print(x)
print(x * 2)
print(x.sum())
print([x.mean()])
print(repr(x[0]), str(x[0]))
print(torch.tensor([1, 2]) * 2)
print(torch.tensor(1.0, requires_grad=True))
