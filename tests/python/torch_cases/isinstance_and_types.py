import torch
x = torch.ones(2)
print(isinstance(x, torch.Tensor), type(x), torch.is_tensor(x), torch.is_tensor([1]))
print(type(x).__name__, torch.Tensor.__name__)
print(torch.numel(torch.ones(3, 4)))
print(type(torch.ones(2,3).shape), torch.Size)
print(torch.__version__)
