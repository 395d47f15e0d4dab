import torch
x = torch.ones(2, requires_grad=True)
for g in (torch.ones(3), torch.ones(2, dtype=torch.int64), [1, 2]):
    try:
        x.grad = g
    except Exception as e:
        print(type(e).__name__, e)
x.grad = torch.tensor([0.5, 0.5])
print(x.grad)
del x.grad
print(x.grad)
