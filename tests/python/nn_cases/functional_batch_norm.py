import torch
import torch.nn.functional as F
torch.manual_seed(6)
x = torch.randn(4, 3)
rm = torch.zeros(3)
rv = torch.ones(3)
y = F.batch_norm(x, rm, rv, training=True, momentum=0.2)
print(y)
print(rm, rv)
w = torch.tensor([1.0, 2.0, 3.0])
b = torch.tensor([0.0, 0.5, -1.0])
print(F.batch_norm(x, rm, rv, w, b))
print(F.batch_norm(x, None, None, training=True))
