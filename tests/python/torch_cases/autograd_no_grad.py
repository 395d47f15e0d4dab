import torch
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    y = x * 2
    print(torch.is_grad_enabled())
print(y.requires_grad, torch.is_grad_enabled())
@torch.no_grad()
def step(t):
    return t * 3
z = step(x)
print(z.requires_grad, step.__name__)
with torch.no_grad():
    with torch.enable_grad():
        w = x * 2
    print(w.requires_grad)
torch.set_grad_enabled(False)
print((x * 2).requires_grad)
torch.set_grad_enabled(True)
with torch.set_grad_enabled(False):
    print((x * 2).requires_grad)
print((x * 2).requires_grad)
