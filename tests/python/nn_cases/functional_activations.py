import torch
import torch.nn.functional as F
x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])
print(F.relu(x))
print(F.leaky_relu(x))
print(F.leaky_relu(x, negative_slope=0.3))
print(F.gelu(x))
print(F.gelu(x, approximate='tanh'))
print(F.silu(x))
print(F.hardtanh(x, -1.0, 1.5))
print(F.relu6(x * 4))
print(F.elu(x))
try:
    F.gelu(x, approximate='fast')
except RuntimeError as e:
    print(type(e).__name__, e)
