import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([2.0])
c = a * b + a
print(c.grad_fn.name())
for fn, idx in c.grad_fn.next_functions:
    print(fn.name() if fn is not None else None, idx)
inner = c.grad_fn.next_functions[0][0]
print([(f.name() if f is not None else None, i) for f, i in inner.next_functions])
