# floor, ceil, trunc, round (half to even; decimals=), frac and sign with
# their gradients and dtypes, and isnan / isinf / isfinite.
import torch
x = torch.tensor([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 1.2345, -0.0, float('nan'), float('inf')], requires_grad=True)
for name in ["floor", "ceil", "trunc", "round", "frac", "sign"]:
    y = getattr(torch, name)(x)
    print(name, y)
    y.sum().backward()
    print(x.grad); x.grad = None
print(torch.round(x, decimals=2), torch.round(torch.tensor([1234.5678]), decimals=-2), x.round(decimals=1))
i = torch.tensor([-3, 0, 4])
b = torch.tensor([True, False])
for name in ["floor", "ceil", "trunc", "round", "frac", "sign", "isnan", "isinf", "isfinite"]:
    for t in (i, b):
        try:
            print(name, t.dtype, getattr(torch, name)(t))
        except Exception as e:
            print(name, t.dtype, type(e).__name__, e)
print(torch.isnan(x), x.isinf(), x.isfinite(), torch.isnan(torch.tensor(1.0)))
try:
    torch.round(i, decimals=1)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    x.round(1)
except TypeError as e:
    print("TypeError:", e)
y = torch.tensor([0.4, 1.6, -2.5])
y.floor_()
print(y, torch.tensor([2.5, 3.5]).round_(), torch.tensor([-1.7]).trunc_(), torch.tensor([1.5, -1.5]).fix())
