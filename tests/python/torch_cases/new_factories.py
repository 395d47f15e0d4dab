import torch
x = torch.ones(2, dtype=torch.int64)
print(x.new_zeros(2, 3), x.new_ones((2,)), x.new_full((3,), 7), x.new_full([2], 2.5))
print(x.new_zeros(2, dtype=torch.float32), x.new_tensor([[1.5, 2.5]]))
f = torch.ones(1)
print(f.new_ones(2, requires_grad=True))
