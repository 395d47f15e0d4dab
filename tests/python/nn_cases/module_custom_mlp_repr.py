import torch
import torch.nn as nn
class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])])
        self.act = nn.ReLU()
    def forward(self, x):
        for layer in self.layers[:-1]:
            x = self.act(layer(x))
        return self.layers[-1](x)
class Wrapper(nn.Module):
    def __init__(self):
        super().__init__()
        self.mlp = MLP([4, 8, 8, 2])
        self.head = nn.Sequential(nn.BatchNorm1d(2), nn.Softmax(dim=1))
    def extra_repr(self):
        return 'custom=True'
torch.manual_seed(0)
w = Wrapper()
print(w)
print(w.mlp.layers[1])
print(w.head(w.mlp(torch.randn(3, 4))))
