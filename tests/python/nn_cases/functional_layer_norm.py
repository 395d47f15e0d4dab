import torch
import torch.nn.functional as F
torch.manual_seed(2)
x = torch.randn(3, 5, requires_grad=True)
w = torch.randn(5, requires_grad=True)
y = F.layer_norm(x, (5,), w, None, 1e-5)
print(y)
y.sum().backward()
print(x.grad)
print(w.grad)
print(F.layer_norm(x, [5]))
