import torch
for t in (torch.tensor([1, 2]), torch.tensor([])):
    try:
        if t:
            pass
    except RuntimeError as e:
        print(e)
print(bool(torch.tensor([0])), bool(torch.tensor(2.5)))
for f in (lambda: float(torch.ones(2)), lambda: int(torch.ones(3)), lambda: torch.ones(2).item()):
    try:
        f()
    except ValueError as e:
        print(e)
print(float(torch.tensor([2])), int(torch.tensor(3.9)), int(torch.tensor(-3.9)))
