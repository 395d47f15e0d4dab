import torch
for f in (lambda: torch.randn(2, dtype=torch.int64), lambda: torch.rand(2, dtype=torch.int64),
          lambda: torch.randn(2, dtype=torch.bool), lambda: torch.zeros(2, dtype=torch.int64).normal_()):
    try:
        f()
    except RuntimeError as e:
        print(e)
torch.manual_seed(7)
print(torch.randint(0, 5, (4,), dtype=torch.float32), torch.randint(3, (2,)))
