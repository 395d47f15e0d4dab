import torch
torch.manual_seed(123)
a = torch.randn(3, 2)
b = torch.rand((2, 2))
c = torch.randn([1])
print(a, b, c)
torch.manual_seed(123)
print(torch.randn(6).reshape(3, 2).equal(a))
