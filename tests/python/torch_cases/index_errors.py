import torch
x = torch.arange(6).reshape(2, 3)
for f in (lambda: x[2], lambda: x[0, 5], lambda: x[0, 0, 0], lambda: x[torch.tensor([1.0])], lambda: x["a"]):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
