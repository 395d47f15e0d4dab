import torch
print(torch.tensor([1e-5, 1.0]))
print(torch.tensor([123456.0, 1.0]))
print(torch.tensor([[1, -20, 300], [4, 5, -6000]]))
print(torch.tensor([0.5, -0.25]) * 1e10)
print(torch.tensor([float("nan"), 1.0, float("inf")]))
print(torch.arange(12.).reshape(2, 2, 3))
print(torch.tensor([True, False]).reshape(2, 1))
print(torch.zeros(2, 3, dtype=torch.bool))
