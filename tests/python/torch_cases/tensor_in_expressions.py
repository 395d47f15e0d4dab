import torch
x = torch.tensor([3.0, 1.0, 2.0])
print(sorted(x.tolist()), max(x.tolist()), sum(x).item())
print([v.item() * 2 for v in x])
print(torch.tensor([int(v) for v in x]))
total = torch.tensor(0.0)
for v in x:
    total = total + v
print(total)
print(x.max().item() > 2, x[0] > x[1])
if x[0] > 2:
    print("big")
