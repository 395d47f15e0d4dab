import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(1, 2, 5, 6)
print(F.max_pool2d(x, kernel_size=(2, 3), stride=(1, 2), padding=(1, 1)))
print(F.max_pool2d(x, 3, stride=2, dilation=(1, 2), ceil_mode=True).shape)
print(F.avg_pool2d(x, 2, divisor_override=1))
print(F.avg_pool2d(x, (3, 2), stride=(2, 2), padding=(1, 0), count_include_pad=False))
print(F.adaptive_avg_pool2d(x, (None, 2)))
print(F.adaptive_max_pool2d(x, 2, return_indices=True)[1])
print(F.max_pool1d(x[0], 2, return_indices=True))
print(F.adaptive_avg_pool1d(x[0], 4))
