import torch
import torch.nn as nn
torch.manual_seed(1)
src = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
src(torch.randn(4, 2))
dst = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
print(dst.load_state_dict(src.state_dict()))
print(dst[1].running_mean, dst[1].num_batches_tracked)
plain = {k: v for k, v in src.state_dict().items() if 'num_batches' not in k}
print(dst.load_state_dict(plain))
try:
    dst.load_state_dict({k: v for k, v in plain.items() if k != '1.running_var'})
except RuntimeError as e:
    print(type(e).__name__, e)
