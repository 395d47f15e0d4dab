import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
rows = [r for r in x]
print(rows)
total = sum(r.sum() * (i + 1) for i, r in enumerate(rows))
total.backward()
print(x.grad)
