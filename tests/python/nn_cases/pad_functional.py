# F.pad in every mode: values, grad_fn names, gradients (a gather's gradient
# sums where an input element is read more than once), negative pads that
# crop, and PyTorch 1.13's argument errors.
import torch
import torch.nn.functional as F

x = torch.arange(12.).view(1, 2, 2, 3).requires_grad_()
for mode in ['constant', 'reflect', 'replicate', 'circular']:
    y = F.pad(x, (2, 1, 1, 0), mode=mode)
    print(mode, tuple(y.shape), y.grad_fn.name())
    print(y[0, 1])
    y.backward(torch.arange(float(y.numel())).view(y.shape))
    print(x.grad[0, 1])
    x.grad = None

v = torch.tensor([[1., 2., 3., 4.]], requires_grad=True)
print(F.pad(v, (1, 2), value=-1.5))
print(F.pad(v, [-1, 1]))
print(F.pad(v, (0, -2, 1, 1), value=9))
print(F.pad(v.view(1, 1, 4), (3, 3), mode='reflect'))
print(F.pad(v.view(1, 1, 4), (-1, 2), mode='replicate'))
print(F.pad(v.view(1, 1, 4), (4, 4), mode='circular'))
print(F.pad(torch.arange(4).view(2, 2), (1, 1)))
print(F.pad(torch.tensor([True, False]), (1, 0), value=1))
print(F.pad(torch.zeros(1, 1, 1, 2, 2), (1, 1, 1, 1, 1, 1), mode='replicate').shape)
print(F.pad(torch.ones(2, 3), (-3, 0)).shape)
print(F.pad(torch.ones(2, 3), (-3, 1)))
print(F.pad(x[0], (1, 1), 'reflect', 0).shape)


def attempt(f):
    try:
        print(f().shape)
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: F.pad(x, (1,)))
attempt(lambda: F.pad(x, (1,) * 10))
attempt(lambda: F.pad(x, (1, 1), mode='bogus'))
attempt(lambda: F.pad(x, (1, 1), mode='reflect', value=2))
attempt(lambda: F.pad(x, (3, 3), mode='reflect'))
attempt(lambda: F.pad(x, (1, 1, 2, 2), mode='reflect'))
attempt(lambda: F.pad(x.view(1, 1, 2, 2, 3), (1, 1, 1, 1, 1, 1), mode='reflect'))
attempt(lambda: F.pad(x, (4, 0), mode='circular'))
attempt(lambda: F.pad(x.view(4, 3), (1, 1), mode='circular'))
attempt(lambda: F.pad(x.view(12), (1, 1), mode='replicate'))
attempt(lambda: F.pad(x, (1, 1, 1, 1, 1, 1), mode='reflect'))
attempt(lambda: F.pad(torch.arange(6).view(1, 2, 3), (1, 1), mode='reflect'))
attempt(lambda: F.pad(torch.arange(6).view(1, 2, 3), (1, 1), mode='replicate'))
attempt(lambda: F.pad(torch.zeros(1, 0, 3), (1, 1), mode='reflect'))
attempt(lambda: F.pad(torch.zeros(1, 0, 3), (1, 1), mode='replicate'))
attempt(lambda: F.pad(torch.zeros(1, 2, 3), (-2, -2), mode='replicate'))
attempt(lambda: F.pad(torch.zeros(1, 2, 3), (-3, 0), mode='reflect'))
attempt(lambda: F.pad(torch.zeros(1, 1, 2, 3), (-3, 0, -2, 0), mode='replicate'))
attempt(lambda: F.pad(torch.zeros(1, 2, 3), (-3, 0), mode='circular'))
attempt(lambda: F.pad(torch.zeros(2, 3), (-2, -2)))
attempt(lambda: F.pad(torch.zeros(2, 3), (-4, 0)))
attempt(lambda: F.pad(torch.zeros(2, 3), (-1, -2, 1, 0)))
attempt(lambda: F.pad(x, 1))
attempt(lambda: F.pad(x, (1.5, 1)))
attempt(lambda: F.pad(x, [1, 1.0]))
attempt(lambda: F.pad(x, torch.tensor([1, 1])))
attempt(lambda: F.pad([1.0], (1, 1)))
attempt(lambda: F.pad(x, (1, 1), mode=3))
attempt(lambda: F.pad(x, (1, 1), value='a'))
