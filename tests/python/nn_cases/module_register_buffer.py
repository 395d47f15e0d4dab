import torch
import torch.nn as nn
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer('mean', torch.zeros(2))
        self.register_buffer('tmp', torch.ones(2), persistent=False)
        self.register_buffer('empty', None)
m = M()
print([n for n, _ in m.named_buffers()])
print(m.state_dict())
m.mean = torch.tensor([1.0, 2.0])
print(m.mean, m._buffers['mean'])
for bad in [('a.b', torch.zeros(1)), ('', torch.zeros(1)), ('x', [1, 2]), (3, torch.zeros(1))]:
    try:
        m.register_buffer(*bad)
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
m.attr = 1
try:
    m.register_buffer('attr', torch.zeros(1))
except KeyError as e:
    print(type(e).__name__, e)
try:
    m.mean = 'text'
except TypeError as e:
    print(type(e).__name__, e)
del m.mean
print(list(m.state_dict().keys()))
