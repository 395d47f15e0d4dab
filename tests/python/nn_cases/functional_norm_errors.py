import torch
import torch.nn.functional as F
x = torch.randn(2, 3, 4)
for make in [lambda: F.batch_norm(x, None, None),
             lambda: F.batch_norm(x, torch.zeros(2), torch.ones(3), training=True),
             lambda: F.layer_norm(x, (4,), torch.ones(3)),
             lambda: F.layer_norm(x, (5,)),
             lambda: F.group_norm(x, 2),
             lambda: F.group_norm(torch.randn(3), 1),
             lambda: F.instance_norm(x, use_input_stats=False),
             lambda: F.instance_norm(torch.randn(2, 3, 1)),
             lambda: F.batch_norm(torch.randn(1, 3), None, None, training=True)]:
    try:
        make()
        print('no error')
    except (RuntimeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
