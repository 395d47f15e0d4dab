import torch
a = torch.ones(2, 3)
b = torch.ones(3, 2)
for f in (lambda: a + b, lambda: a @ a, lambda: a + "x", lambda: a + [1, 2], lambda: torch.tensor([True]) - torch.tensor([True])):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
