import torch
import torch.nn.functional as F
torch.manual_seed(2)
x = torch.randn(2, 3, 2, 2, requires_grad=True)
t = torch.tensor([[[0, 1], [2, 1]], [[1, 1], [0, 2]]])
loss = F.cross_entropy(x, t)
print(loss, loss.grad_fn.name())
loss.backward()
print(x.grad[0])
try:
    F.cross_entropy(torch.randn(2, 3), torch.tensor([0, 3]))
except IndexError as e:
    print(type(e).__name__, e)
try:
    F.cross_entropy(torch.randn(2, 3), torch.tensor([0, 1, 2]))
except ValueError as e:
    print(type(e).__name__, e)
