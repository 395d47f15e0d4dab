import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(1)
class Classifier(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, n_hidden, bias=False), nn.BatchNorm1d(n_hidden), nn.ReLU(),
                                 nn.Linear(n_hidden, n_out))
    def forward(self, x):
        return self.net(x)
model = Classifier(3, 6, 3)
x = torch.randn(24, 3)
labels = x.argmax(dim=1)
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for step in range(15):
    opt.zero_grad()
    loss = F.cross_entropy(model(x), labels)
    loss.backward()
    opt.step()
    if step % 5 == 0:
        print(step, round(loss.item(), 4))
model.eval()
pred = model(x).argmax(dim=1)
print((pred == labels).sum().item(), 'of', len(labels))
print(model.net[1].running_mean)
