import torch
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)
e = torch.zeros(0)
e2 = torch.zeros(2, 0)
s = torch.tensor(3.0)
for i, f in enumerate([lambda: e.sort(), lambda: e2.sort(), lambda: s.sort(), lambda: s.topk(1), lambda: e.topk(0),
          lambda: e.nonzero(), lambda: s.nonzero(), lambda: list(e2), lambda: e.max(), lambda: e2.max(1),
          lambda: e.prod(), lambda: e.norm(), lambda: e.cumsum(0), lambda: s.cumsum(0), lambda: s.prod(0),
          lambda: e[e > 0], lambda: s[None], lambda: s[...], lambda: s.unsqueeze(0), lambda: s.view(1, 1),
          lambda: torch.cat([]), lambda: torch.stack([]), lambda: e.split(0), lambda: e.chunk(0),
          lambda: torch.arange(0, 5, 0), lambda: torch.linspace(0, 1, 0), lambda: torch.eye(0), lambda: torch.randperm(0),
          lambda: torch.zeros(2, 3).T.T, lambda: s.T, lambda: s.t(), lambda: s.argsort(), lambda: e.argmax(),
          lambda: s.item(), lambda: s.tolist(), lambda: e.tolist(), lambda: e2.tolist(), lambda: torch.tensor([[[]]]).tolist(),
          lambda: s.norm(dim=0), lambda: s.var(), lambda: s.std(0), lambda: s.max(0), lambda: torch.where(s > 0),
          lambda: torch.ones(3).masked_fill(torch.tensor(True), 0.0), lambda: s.repeat(2, 2), lambda: s.expand(3),
          lambda: torch.ones(2, 2)[1:1, :].sum(0), lambda: torch.zeros(3).sort(descending=True),
          lambda: torch.tensor([float('nan'), 1.0, -1.0]).sort(), lambda: torch.tensor([float('nan'), 1.0]).topk(1)]):
    t(i, f)
x = torch.zeros(0, requires_grad=True)
t('g1', lambda: x.sum().backward())
t('g2', lambda: x.grad)
y = torch.tensor(2.0, requires_grad=True)
t('g3', lambda: y.sort().values.backward())
t('g4', lambda: y.grad)
