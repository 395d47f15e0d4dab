import torch
import torch.nn as nn
m = nn.Linear(2, 1)
try:
    m(torch.ones(1, 2), torch.ones(1))
except TypeError as e:
    print(type(e).__name__, e)
class Bad(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(1, 1)
try:
    Bad()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    m(torch.ones(3, 3))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    nn.Linear(2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    nn.BatchNorm2d()
except TypeError as e:
    print(type(e).__name__, e)
try:
    nn.Conv2d(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9, foo=1)
except TypeError as e:
    print(type(e).__name__, e)
for make in [lambda: nn.MSELoss(foo=1), lambda: nn.MaxPool2d(), lambda: nn.AdaptiveAvgPool2d(), lambda: nn.InstanceNorm2d(),
             lambda: nn.L1Loss(1, 2, 3, 4), lambda: nn.Dropout(p=0.1, q=2), lambda: nn.GroupNorm(2)]:
    try:
        make()
    except TypeError as e:
        print(type(e).__name__, e)
