import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
v = torch.tensor([1.0, 1.0], requires_grad=True)
ops = [x + 1, x - 1, 1 - x, x * 2, x / 2, 2 / x, x ** 2, -x, x.exp(), x.log(), x.sqrt(), x.abs(),
       x.sin(), x.cos(), x.tanh(), x.sigmoid(), x.relu(), x.sum(), x.sum(0), x.mean(), x.mean(1),
       x.max(), x.min(), x @ x, x @ v, v @ v, x.t(), x.T, x.view(4), x.reshape(4), x.flatten(),
       x.transpose(0, 1), x.permute(1, 0), x.unsqueeze(0), x[None].squeeze(), x[None].squeeze(0),
       x.expand(3, 2, 2), x.repeat(2, 1), x[0], x[:, 1], x[x > 2], x.clone(), x.clamp(0, 2),
       x.var(), x.std(), x.reciprocal(), x.rsqrt(), x.pow(3), x.norm(), x.prod(), x.cumsum(0)]
for o in ops:
    print(o.grad_fn.name())
print(type(x.grad_fn), (x * 2).grad_fn.next_functions[0][0].name())
