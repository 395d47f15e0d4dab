import torch
x = torch.tensor([[1.0, 9.0, 3.0], [7.0, 2.0, 8.0]])
out = torch.max(x, 1)
print(out.values, out.indices, out[0], out[1], len(out), tuple(out))
vals, idx = x.min(dim=0)
print(vals, idx)
for t in x.max(dim=1, keepdim=True):
    print(t.shape)
print(isinstance(out, tuple), type(out).__name__)
m = torch.max(x, dim=0)
print(m)
