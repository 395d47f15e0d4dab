import torch
x = torch.ones(2, 3)
for f in (lambda: x.sum(keepdim=True), lambda: x.mean(keepdim=True), lambda: x.sum(dim=3),
          lambda: x.max(dim=2), lambda: x.argmax(5), lambda: x.var(dim=(0, 0)), lambda: x.std(4)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
