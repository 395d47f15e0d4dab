import torch
logits = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], requires_grad=True)
e = (logits - logits.max(dim=1, keepdim=True).values).exp()
p = e / e.sum(dim=1, keepdim=True)
print(p)
loss = -p[0, 2].log()
loss.backward()
print(logits.grad)
