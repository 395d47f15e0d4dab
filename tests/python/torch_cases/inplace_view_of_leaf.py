import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
for f in (lambda: x[0].add_(1), lambda: x.view(4).mul_(2), lambda: x.t().zero_(), lambda: x[0][1].fill_(3)):
    try:
        f()
    except RuntimeError as e:
        print(e)
def setrow():
    x[0][0] = 5
try:
    setrow()
except RuntimeError as e:
    print(e)
with torch.no_grad():
    x[0].add_(1)
print(x)
d = x.detach()
d[1].mul_(10)
print(x)
