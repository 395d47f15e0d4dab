import torch
import torch.nn as nn

# A regression model whose output is [N, 1] against a target of [N]: PyTorch
# warns from inside nn.MSELoss, and the loss is computed over a broadcast
# [N, N] difference.
torch.manual_seed(0)
model = nn.Linear(3, 1)
x = torch.randn(5, 3)
y = torch.randn(5)
loss = nn.MSELoss()(model(x), y)
print(loss)
print(nn.MSELoss()(model(x), y.unsqueeze(1)))
print(nn.L1Loss()(model(x), y))

# Softmax layers without a dim.
print(nn.Softmax()(torch.tensor([[1.0, 2.0], [3.0, 5.0]])))
print(nn.LogSoftmax()(torch.tensor([1.0, 2.0, 3.0])))
print(nn.Softmax(dim=0)(torch.tensor([1.0, 2.0, 3.0])))
