import torch
print(torch.Tensor([1, 2, 3]), torch.Tensor([[1.5]]).dtype)
print(torch.Tensor(2, 3).shape, torch.Tensor().shape)
print(torch.Tensor(torch.tensor([1.0])))
