import torch
i = torch.tensor([1, 2])
print(i.add(1, alpha=2), i.sub(i, alpha=3), torch.add(i, i, alpha=2))
for f in (lambda: i.add(1, alpha=0.5), lambda: i.add(i, alpha=0.5)):
    try:
        f()
    except RuntimeError as e:
        print(e)
print(torch.tensor([1.0, 2.0]).add(1, alpha=0.5))
