import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5), nn.Sequential(nn.BatchNorm1d(2)))
print(model.training, model[2][0].training)
model.eval()
print([m.training for m in model.modules()])
print(model.train() is model, model[1].training)
try:
    model.train('yes')
except ValueError as e:
    print(type(e).__name__, e)
out = model(torch.randn(3, 2)).sum()
out.backward()
print(model[0].weight.grad is not None)
model.zero_grad()
print(model[0].weight.grad)
model.zero_grad(set_to_none=True)
print(model[0].weight.grad)
model.requires_grad_(False)
print([p.requires_grad for p in model.parameters()])
