import torch
a = torch.tensor([1.0, 2.0, 3.0])
b = a + 1e-7
print(torch.allclose(a, b), a.allclose(a + 0.1), torch.equal(a, a.clone()), a.equal(b))
print(torch.isclose(a, torch.tensor([1.0, 2.1, 3.0])), a.isclose(b, atol=0, rtol=0))
print(torch.allclose(a, a + 0.05, atol=0.1))
print(torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2, 3])))
