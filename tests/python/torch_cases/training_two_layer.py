import torch
torch.manual_seed(0)
X = torch.randn(16, 4)
Y = (X.sum(1, keepdim=True) > 0).float()
W1 = (torch.randn(4, 8) * 0.5).requires_grad_()
b1 = torch.zeros(8, requires_grad=True)
W2 = (torch.randn(8, 1) * 0.5).requires_grad_()
b2 = torch.zeros(1, requires_grad=True)
params = [W1, b1, W2, b2]
for it in range(40):
    h = (X @ W1 + b1).relu()
    out = torch.sigmoid(h @ W2 + b2)
    loss = ((out - Y) ** 2).mean()
    for p in params:
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in params:
            p -= 0.5 * p.grad
    if it % 10 == 9:
        print(it, f"{loss.item():.5f}")
print([p.grad.shape for p in params])
