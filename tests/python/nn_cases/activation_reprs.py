import torch.nn as nn
print(nn.ReLU(), nn.ReLU(inplace=True))
print(nn.LeakyReLU(0.1, inplace=True))
print(nn.GELU(), nn.SiLU(True))
print(nn.Softmax(dim=1), nn.LogSoftmax(dim=-1), nn.Softmax())
print(nn.Hardtanh(-2, 2), nn.ReLU6(inplace=True), nn.ELU())
print(nn.Dropout(), nn.Dropout(0.25, inplace=True))
print(nn.Sigmoid(), nn.Tanh(), nn.Identity(), nn.Flatten(), nn.Flatten(0, 2))
