import torch
import torch.nn as nn
from torch.nn.modules.batchnorm import _BatchNorm
from torch.nn.modules.module import Module
print(nn.modules.batchnorm._BatchNorm is _BatchNorm, Module is nn.Module)
print(isinstance(nn.BatchNorm2d(2), nn.modules.batchnorm._BatchNorm), isinstance(nn.InstanceNorm2d(2), _BatchNorm))
print(nn.modules.conv.Conv2d is nn.Conv2d, nn.modules.Linear is nn.Linear, nn.modules.pooling.MaxPool2d)
print(nn.modules.utils._pair(3), nn.modules.loss.MSELoss())
def init_weights(m):
    if isinstance(m, nn.modules.conv._ConvNd):
        nn.init.ones_(m.weight)
    elif isinstance(m, (nn.modules.batchnorm._NormBase, nn.GroupNorm)):
        print('norm', type(m).__name__)
nn.Sequential(nn.Conv2d(1, 1, 1), nn.BatchNorm2d(1), nn.InstanceNorm2d(1, affine=True), nn.GroupNorm(1, 1)).apply(init_weights)
