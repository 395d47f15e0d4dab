import torch
import torch.nn as nn
import torch.nn.functional as F

# Integer inputs to a float layer: the error depends on the path PyTorch takes
# (addmm with a bias on 2-D and contiguous N-D input, matmul otherwise).
torch.manual_seed(0)
lin = nn.Linear(2, 3)
w = torch.ones(3, 2)
cases = {
    "2-D input, bias": lambda: lin(torch.tensor([[1, 2]])),
    "1-D input, bias": lambda: lin(torch.tensor([1, 2])),
    "3-D input, bias": lambda: lin(torch.tensor([[[1, 2]]])),
    "2-D input, no bias": lambda: F.linear(torch.tensor([[1, 2]]), w),
    "1-D input, no bias": lambda: F.linear(torch.tensor([1, 2]), w),
    "mm": lambda: torch.mm(torch.tensor([[1, 2]]), w.t()),
    "float @ long": lambda: torch.ones(1, 2) @ torch.tensor([[1], [2]]),
}
for label, f in cases.items():
    try:
        f()
        print(label, "ok")
    except RuntimeError as e:
        print(label, "RuntimeError:", e)

# The fix a learner reaches for.
print(lin(torch.tensor([[1, 2]]).float()))
