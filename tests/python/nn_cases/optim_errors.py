import torch
w = torch.zeros(2, requires_grad=True)
for make in [lambda: torch.optim.SGD([w], lr=-1), lambda: torch.optim.SGD([], lr=0.1),
             lambda: torch.optim.SGD([w], lr=0.1, momentum=-0.5),
             lambda: torch.optim.SGD([w], lr=0.1, nesterov=True),
             lambda: torch.optim.Adam([w], lr=-0.01), lambda: torch.optim.Adam([w], betas=(1.0, 0.9)),
             lambda: torch.optim.Adam([w], eps=-1.0), lambda: torch.optim.AdamW([w], weight_decay=-1),
             lambda: torch.optim.SGD([w]), lambda: torch.optim.SGD(w, lr=0.1),
             lambda: torch.optim.SGD([w * 2], lr=0.1), lambda: torch.optim.SGD([w, 3], lr=0.1),
             lambda: torch.optim.SGD([{'params': [w]}, {'params': [w]}], lr=0.1)]:
    try:
        make()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
