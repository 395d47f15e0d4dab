import torch
x = torch.zeros(3)
value = x.item()
