import torch
import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(2, 6, requires_grad=True)
u = nn.Unflatten(1, (2, 3))
print(u)
y = u(x)
print(y.shape, y.grad_fn.name())
(y * torch.arange(6.).reshape(1, 2, 3)).sum().backward()
print(x.grad)
print(nn.Unflatten(-1, [3, -1])(x).shape)
model = nn.Sequential(nn.Linear(4, 8), nn.Unflatten(1, (2, 2, 2)), nn.Flatten())
print(model)
print(model(torch.randn(3, 4)).shape)
for bad in [lambda: nn.Unflatten(1, (4, 2))(x), lambda: nn.Unflatten(1, (4, -1))(x),
            lambda: nn.Unflatten(2, (1, 1))(x), lambda: nn.Unflatten(1, 6),
            lambda: nn.Unflatten(1, (2, 3.0)), lambda: nn.Unflatten(1.5, (2, 3))]:
    try:
        bad()
    except (RuntimeError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
