import torch
a = torch.tensor([True, True, False])
b = torch.tensor([True, False, False])
print(a & b, a | b, a ^ b, ~a)
print(torch.logical_and(a, b), a.logical_or(b), torch.logical_not(a), a.logical_xor(b))
try:
    ~torch.tensor([1.0])
except TypeError as e:
    print(e)
print(torch.tensor([12, 10]) ^ torch.tensor([10, 12]))
