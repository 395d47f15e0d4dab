import torch
import torch.nn as nn
import torch.nn.functional as F
try:
    nn.MaxPool2d(3, padding=2)(torch.randn(1, 1, 4, 4))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    nn.MaxPool2d(5)(torch.randn(1, 1, 4, 4))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.max_pool2d(torch.randn(4, 4), 2)
except RuntimeError as e:
    print(type(e).__name__, e)
