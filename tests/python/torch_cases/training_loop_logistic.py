import torch
torch.manual_seed(1)
x = torch.randn(30, 2)
y = (x[:, 0] + x[:, 1] > 0).float()
w = torch.randn(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for step in range(30):
    p = torch.sigmoid(x @ w + b)
    loss = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.5 * w.grad
        b -= 0.5 * b.grad
    w.grad = None
    b.grad = None
acc = ((torch.sigmoid(x @ w + b) > 0.5).float() == y).float().mean()
print(loss, acc)
