import warnings
import torch
import torch.nn.functional as F

# The UserWarnings PyTorch prints for common slips, at the learner's line.
pred = torch.ones(4, 1)
target = torch.zeros(4)
print(F.mse_loss(pred, target))
print(F.l1_loss(pred, target))
print(F.mse_loss(pred, target.unsqueeze(1)))  # same sizes: no warning

x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
print(F.softmax(x))
print(F.log_softmax(x))
print(F.softmax(x, dim=1))


def loss_of(p, t):
    return F.mse_loss(p, t)  # the warning points here (stacklevel=2)


print(loss_of(pred, target))

w = torch.ones(3, requires_grad=True)
h = w * 2
print(h.grad)
print(w.grad)  # a leaf: no warning
h.retain_grad()
print(h.grad)  # retained: no warning
print(torch.ones(3).grad)  # no grad at all: no warning

print(torch.ones(2, 3, 4).T.shape)
print(torch.ones(5).T.shape)  # TORCH_WARN_ONCE: not again
print(torch.tensor(2.0).T)

# Warnings go through the warnings module: record them, or make them errors.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    F.mse_loss(pred, target)
    F.softmax(x)
print([(c.category.__name__, str(c.message)[:40]) for c in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        F.l1_loss(pred, target)
    except UserWarning as e:
        print("raised:", str(e)[:60])
