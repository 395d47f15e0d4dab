import torch
w = torch.tensor([[1.0, -1.0], [0.5, 2.0]], requires_grad=True)
opt = torch.optim.AdamW([w], lr=0.1)
print(opt)
for _ in range(3):
    opt.zero_grad()
    (w.sum() ** 2).backward()
    opt.step()
print(w)
w2 = torch.tensor([1.0, 2.0], requires_grad=True)
opt2 = torch.optim.AdamW([w2], lr=0.05, weight_decay=0.5, amsgrad=True)
for _ in range(3):
    opt2.zero_grad()
    (w2 ** 3).sum().backward()
    opt2.step()
print(w2)
print(opt2.state_dict()['state'][0]['max_exp_avg_sq'])
