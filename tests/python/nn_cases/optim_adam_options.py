import torch
for kwargs in [dict(amsgrad=True), dict(weight_decay=0.1), dict(betas=(0.8, 0.99), eps=1e-6),
               dict(maximize=True)]:
    w = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
    opt = torch.optim.Adam([w], lr=0.1, **kwargs)
    for i in range(5):
        opt.zero_grad()
        ((w * torch.tensor([1.0, 2.0, 3.0])) ** 2).sum().backward()
        opt.step()
    print(sorted(kwargs), w)
print(sorted(opt.state_dict()['state'][0].keys()))
