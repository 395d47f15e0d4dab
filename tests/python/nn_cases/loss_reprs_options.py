import torch
import torch.nn as nn
print(nn.MSELoss(), nn.L1Loss(), nn.CrossEntropyLoss(), nn.BCEWithLogitsLoss())
print(nn.MSELoss(reduction='sum').reduction, nn.CrossEntropyLoss(ignore_index=3).ignore_index)
print(nn.CrossEntropyLoss(weight=torch.ones(3)).weight)
print(list(nn.CrossEntropyLoss(weight=torch.ones(2)).named_buffers()))
print(nn.CrossEntropyLoss().label_smoothing)
