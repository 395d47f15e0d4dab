# A non-int inside a size or dims list: PyTorch 1.13 names the argument, calls
# sizes "SymInts" (ints for the random creators and for dims) and counts the
# bad element's position from 1.
import torch

x = torch.zeros(2, 3)
for name, f in [('view', lambda: x.view([2, 3.0])),
                ('reshape', lambda: x.reshape([2, 3.0])), ('torch.reshape', lambda: torch.reshape(x, (2, 3.0))),
                ('expand', lambda: x.expand([2, 3.0])), ('ones', lambda: torch.ones([2, 3.0])),
                ('zeros', lambda: torch.zeros([2, 'a'])), ('randn', lambda: torch.randn([2, 3.0])),
                ('full', lambda: torch.full([2, 3.0], 1.)), ('repeat', lambda: x.repeat([2, 3.0])),
                ('sum', lambda: x.sum([0, 1.0])), ('mean', lambda: x.mean([0, 1.0])),
                ('new_zeros', lambda: x.new_zeros([2, 3.0])), ('empty', lambda: torch.empty([2, 3.0])),
                ('permute', lambda: x.permute((1, 0.0)))]:
    try:
        f()
    except TypeError as e:
        print(name, '->', e)
