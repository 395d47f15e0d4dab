import torch
torch.manual_seed(4)
w = torch.randn(2, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
for _ in range(2):
    opt.zero_grad()
    (w ** 2).sum().backward()
    opt.step()
sd = opt.state_dict()
print(sd)
w2 = w.detach().clone().requires_grad_(True)
opt2 = torch.optim.SGD([w2], lr=0.1, momentum=0.9)
opt2.load_state_dict(sd)
print(opt2.state_dict())
for o, p in [(opt, w), (opt2, w2)]:
    o.zero_grad()
    (p ** 2).sum().backward()
    o.step()
print(w, w2)
try:
    opt2.load_state_dict({'state': {}, 'param_groups': []})
except ValueError as e:
    print(type(e).__name__, e)
