import torch
import torch.nn as nn
torch.manual_seed(0)
class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 8)
        self.act = nn.Tanh()
        self.fc2 = nn.Linear(8, 1)
    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))
model = MLP()
print(model)
x = torch.randn(16, 2)
y = (x[:, :1] * 2 - x[:, 1:]) * 0.5
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss_fn = nn.MSELoss()
for epoch in range(20):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    if epoch % 5 == 4:
        print(epoch, round(loss.item(), 4))
print(model(torch.tensor([[1.0, 1.0]])))
