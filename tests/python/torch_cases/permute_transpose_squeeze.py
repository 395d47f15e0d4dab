import torch
x = torch.arange(24).reshape(2, 3, 4)
print(x.permute(2, 0, 1).shape, x.permute((1, 2, 0)).shape, x.transpose(0, 2).shape)
print(torch.transpose(x, 1, 2).shape, torch.permute(x, (2, 1, 0)).shape)
y = torch.zeros(1, 3, 1, 2)
print(y.squeeze().shape, y.squeeze(0).shape, y.squeeze(1).shape, torch.squeeze(y, 2).shape)
print(y.unsqueeze(0).shape, y.unsqueeze(-1).shape, torch.unsqueeze(torch.ones(3), 1).shape)
print(torch.ones(2, 3).T)
print(x.swapaxes(0, 1).shape)
