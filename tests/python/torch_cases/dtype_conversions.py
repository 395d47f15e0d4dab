import torch
x = torch.tensor([1.7, -0.2, 0.0])
print(x.long(), x.bool(), x.to(torch.int64), x.to(dtype=torch.bool), x.float() is x)
print(x.long().float(), x.type(torch.long), x.type(), x.long().type())
print(x.type_as(torch.tensor([1])), torch.tensor([1, 0]).to(x))
print(x.to("cpu") is x, x.device, x.cpu() is x)
w = torch.ones(2, requires_grad=True)
print(w.long(), w.to(torch.float32) is w)
