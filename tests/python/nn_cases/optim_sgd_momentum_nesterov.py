import torch
torch.manual_seed(1)
for kwargs in [dict(momentum=0.9), dict(momentum=0.9, nesterov=True), dict(momentum=0.5, dampening=0.1),
               dict(weight_decay=0.1), dict(momentum=0.9, maximize=True)]:
    w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.05, **kwargs)
    for _ in range(3):
        opt.zero_grad()
        ((w - 0.5) ** 2).sum().backward()
        opt.step()
    print(kwargs, w)
print(opt.state_dict()['state'])
