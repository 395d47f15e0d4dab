import torch
import torch.nn as nn
torch.manual_seed(1)
ln = nn.LayerNorm([3, 4], eps=1e-3, elementwise_affine=False)
print(ln)
print(ln.weight, ln.bias)
print(list(ln.parameters()))
x = torch.randn(2, 3, 4)
print(ln(x)[1])
ln2 = nn.LayerNorm((2, 2))
print(ln2, ln2.weight.shape)
try:
    nn.LayerNorm(5)(torch.randn(2, 4))
except RuntimeError as e:
    print(type(e).__name__, e)
