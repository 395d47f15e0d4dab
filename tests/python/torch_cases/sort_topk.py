import torch
x = torch.tensor([[3.0, 1.0, 2.0], [0.5, 9.0, -4.0]])
print(x.sort())
print(x.sort(dim=0, descending=True))
v, i = torch.sort(x, 1, True)
print(v, i)
print(x.argsort(), torch.argsort(x, dim=0))
print(x.topk(2))
print(torch.topk(x, 1, dim=0, largest=False))
print(torch.tensor([4, 1, 3]).sort())
w = torch.tensor([0.3, -1.0, 2.0, 0.7], requires_grad=True)
top = w.topk(2)
print(top.values)
(top.values * torch.tensor([1.0, 10.0])).sum().backward()
print(w.grad)
w.grad = None
s = w.sort(descending=True).values
(s * torch.arange(4.)).sum().backward()
print(s, w.grad)
try:
    x.topk(5)
except RuntimeError as e:
    print(e)
