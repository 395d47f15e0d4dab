import torch
x = torch.ones(2)
x.label = "weights"
print(x.label)
print(hasattr(x, "label"), hasattr(torch.ones(1), "label"))
