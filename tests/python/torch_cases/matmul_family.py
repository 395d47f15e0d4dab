import torch
a = torch.arange(6.).reshape(2, 3)
b = torch.arange(12.).reshape(3, 4)
v = torch.tensor([1.0, 0.0, -1.0])
print(a @ b, a.matmul(b), torch.matmul(a, b))
print(a.mm(b), torch.mm(a, b))
print(a @ v, a.mv(v), torch.mv(a, v))
print(v @ v, v.dot(v), torch.dot(v, v))
print(torch.bmm(torch.ones(2, 1, 3), torch.ones(2, 3, 2)))
print(torch.arange(4).reshape(2, 2) @ torch.arange(4).reshape(2, 2))
try:
    a @ a
except RuntimeError as e:
    print(e)
