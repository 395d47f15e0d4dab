import torch
print(torch.tensor(2.5).item(), torch.tensor([7]).item(), torch.tensor(True).item())
print(torch.arange(6).reshape(2, 3).tolist())
print(torch.tensor([0.5, 0.25]).tolist(), torch.tensor(1.5).tolist())
print(torch.tensor([[True], [False]]).tolist())
x = torch.tensor(0.1)
print(x.item(), type(x.item()).__name__)
