import torch
x = torch.arange(6.).reshape(2, 3)
print(x.stride(), x.t().stride(), x.t().contiguous().stride(), x.t().is_contiguous())
print(x.t().contiguous().is_contiguous(), x.contiguous() is x)
y = x.t().contiguous()
print(y.view(6))
print(x[:, ::2].stride(), x.unsqueeze(1).stride(), x.expand(2, 2, 3).stride())
print(x.stride(0), x.stride(-1))
