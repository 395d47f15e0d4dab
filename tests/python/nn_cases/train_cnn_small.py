import torch
import torch.nn as nn
torch.manual_seed(2)
model = nn.Sequential(
    nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(inplace=True), nn.MaxPool2d(2),
    nn.Conv2d(4, 4, 3, padding=1, groups=4), nn.GroupNorm(2, 4), nn.SiLU(), nn.AdaptiveAvgPool2d(1),
    nn.Flatten(), nn.Linear(4, 2))
print(model)
x = torch.randn(6, 1, 6, 6)
t = torch.tensor([0, 1, 0, 1, 1, 0])
opt = torch.optim.AdamW(model.parameters(), lr=0.01)
for step in range(6):
    opt.zero_grad()
    loss = nn.CrossEntropyLoss()(model(x), t)
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
print(sum(p.numel() for p in model.parameters()))
