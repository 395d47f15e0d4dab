import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 2))
activations = {}
def save_output(name):
    def hook(module, inputs, output):
        activations[name] = output.detach()
    return hook
handles = [model[i].register_forward_hook(save_output(type(model[i]).__name__ + str(i))) for i in range(4)]
out = model(torch.randn(5, 3))
for name, act in activations.items():
    print(name, tuple(act.shape), act.mean().item() > -100)
print(activations['ReLU2'].min())
for h in handles:
    h.remove()
activations.clear()
model(torch.randn(5, 3))
print(activations)
def double_input(module, inputs):
    return inputs[0] * 2
def add_one(module, inputs, output):
    return output + 1
lin = nn.Linear(2, 2)
nn.init.ones_(lin.weight)
nn.init.zeros_(lin.bias)
h1 = lin.register_forward_pre_hook(double_input)
h2 = lin.register_forward_hook(add_one)
print(lin(torch.tensor([[1.0, 2.0]])))
h1.remove()
print(lin(torch.tensor([[1.0, 2.0]])))
with lin.register_forward_hook(lambda m, i, o: o * 0):
    print(lin(torch.tensor([[1.0, 2.0]])))
print(lin(torch.tensor([[1.0, 2.0]])))
print(lin)
