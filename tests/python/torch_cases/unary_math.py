import torch
x = torch.tensor([0.25, 1.0, 2.0])
print(x.sqrt(), x.rsqrt(), x.exp(), x.log())
print(x.sin(), x.cos(), x.tanh(), x.sigmoid())
print(torch.exp(x), torch.log(x), torch.sqrt(x), torch.abs(-x))
print(torch.tensor([-1.5, 0.0, 2.0]).relu(), torch.relu(torch.tensor([-1, 3])))
print(torch.tensor([4, 9]).sqrt(), torch.tensor([1, 2]).exp())
print(x.reciprocal(), x.neg(), x.square())
