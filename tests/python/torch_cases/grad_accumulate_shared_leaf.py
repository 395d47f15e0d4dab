import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
y = (w * w + w * 3).sum()
y.backward()
print(w.grad)
z = torch.stack([w, w * 2]).sum(0)
z.backward(torch.ones(2))
print(w.grad)
