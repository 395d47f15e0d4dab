import torch
x = torch.ones(1, requires_grad=True)
@torch.enable_grad()
def f(t):
    return t * 2
with torch.no_grad():
    print(f(x).requires_grad)
print(torch.is_grad_enabled())
def g():
    with torch.no_grad():
        raise ValueError("inside")
try:
    g()
except ValueError as e:
    print(e, torch.is_grad_enabled())
