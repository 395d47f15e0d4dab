import torch
x = torch.ones(2)
print(torch.as_tensor(x) is x, torch.as_tensor([1, 2]), torch.as_tensor(x, dtype=torch.int64))
print(torch.as_tensor(3.0), torch.as_tensor([[1.5]]))
y = x.clone()
y[0] = 5
print(x, y)
