import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x
y.backward(torch.tensor([1.0, 0.1, 0.01]))
print(x.grad)
x.grad = None
y2 = x.exp()
y2.backward(gradient=torch.ones(3), retain_graph=True)
y2.backward(gradient=torch.ones(3))
print(x.grad)
try:
    (x * 2).backward(torch.ones(2))
except RuntimeError as e:
    print(e)
