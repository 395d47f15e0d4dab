"""Goldens for nn.Module machinery, nn.init, default init and torch.optim (PyTorch 1.13).

Run with /usr/bin/python3 (which has torch); writes modules.json next to this file.
"""
import json
import math
import os

import torch
import torch.nn as nn

from torch_json import error_json, tensor_json

out = {"init": [], "default_init": [], "reprs": [], "state_dict_keys": [],
       "load_errors": [], "optim": [], "optim_errors": [], "gains": []}

# nn.init functions after a seed.
INIT_CASES = [
    ("kaiming_uniform_", [4, 3], {}),
    ("kaiming_uniform_", [5, 3, 2, 2], {"a": math.sqrt(5)}),
    ("kaiming_uniform_", [4, 6], {"mode": "fan_out", "nonlinearity": "relu"}),
    ("kaiming_normal_", [4, 3], {}),
    ("kaiming_normal_", [3, 2, 3], {"a": 0.1, "mode": "fan_out", "nonlinearity": "leaky_relu"}),
    ("xavier_uniform_", [4, 3], {}),
    ("xavier_uniform_", [2, 3, 4], {"gain": 2.0}),
    ("xavier_normal_", [4, 3], {}),
    ("xavier_normal_", [5, 2], {"gain": 0.5}),
    ("uniform_", [7], {"a": -1.0, "b": 2.0}),
    ("uniform_", [2, 3], {}),
    ("normal_", [2, 5], {"mean": 1.0, "std": 0.25}),
    ("normal_", [6], {}),
    ("constant_", [2, 2], {"val": 0.3}),
    ("zeros_", [3], {}),
    ("ones_", [2, 2], {}),
]
for fn, shape, kw in INIT_CASES:
    torch.manual_seed(7)
    t = torch.empty(shape)
    getattr(nn.init, fn)(t, **kw)
    out["init"].append({"fn": fn, "shape": shape, "kwargs": kw, "expected": tensor_json(t)})

for nl, p in [("linear", None), ("conv2d", None), ("sigmoid", None), ("tanh", None), ("relu", None),
              ("leaky_relu", None), ("leaky_relu", 0.2), ("selu", None)]:
    out["gains"].append({"nonlinearity": nl, "param": p, "gain": nn.init.calculate_gain(nl, p)})
out["init_errors"] = [
    {"case": "fan_1d", **error_json(lambda: nn.init.xavier_uniform_(torch.empty(3)))},
    {"case": "bad_mode", **error_json(lambda: nn.init.kaiming_uniform_(torch.empty(3, 2), mode="fan"))},
    {"case": "bad_nonlinearity", **error_json(lambda: nn.init.calculate_gain("foo"))},
]

# Default initialisation of layers after manual_seed(seed).
def linear_case(seed, i, o, bias=True):
    torch.manual_seed(seed)
    m = nn.Linear(i, o, bias=bias)
    return {"layer": "Linear", "seed": seed, "args": [i, o], "bias": bias,
            "weight": tensor_json(m.weight), "bias_value": tensor_json(m.bias) if bias else None}

out["default_init"] += [linear_case(0, 3, 2), linear_case(0, 64, 10), linear_case(3, 5, 4, False)]
for seed, args in [(0, [3, 8, 3]), (1, [2, 4, [3, 2]])]:
    torch.manual_seed(seed)
    m = nn.Conv2d(*args)
    out["default_init"].append({"layer": "Conv2d", "seed": seed, "args": args, "bias": True,
                                "weight": tensor_json(m.weight), "bias_value": tensor_json(m.bias)})
torch.manual_seed(0)
m = nn.Conv1d(4, 6, 5)
out["default_init"].append({"layer": "Conv1d", "seed": 0, "args": [4, 6, 5], "bias": True,
                            "weight": tensor_json(m.weight), "bias_value": tensor_json(m.bias)})

# Reprs (text for whoever implements each class).
class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.act = nn.ReLU()
        self.body = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Sequential(nn.Linear(8, 2)))
        self.heads = nn.ModuleList([nn.Linear(2, 1), nn.Linear(2, 3, bias=False)])
        self.register_buffer("steps", torch.zeros(1))
        self.register_buffer("scratch", torch.zeros(2), persistent=False)
        self.scale = nn.Parameter(torch.ones(1))

REPRS = {
    "Linear(3, 2)": nn.Linear(3, 2),
    "Linear(3, 2, bias=False)": nn.Linear(3, 2, bias=False),
    "Sequential(Linear, ReLU, Linear)": nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1)),
    "Sequential()": nn.Sequential(),
    "ModuleList([Linear, ReLU])": nn.ModuleList([nn.Linear(2, 2), nn.ReLU()]),
    "MLP": MLP(),
    "BatchNorm1d(16)": nn.BatchNorm1d(16),
    "BatchNorm2d(64)": nn.BatchNorm2d(64),
    "BatchNorm2d(8, eps=1e-3, momentum=None, affine=False, track_running_stats=False)":
        nn.BatchNorm2d(8, eps=1e-3, momentum=None, affine=False, track_running_stats=False),
    "LayerNorm(10)": nn.LayerNorm(10),
    "LayerNorm([3, 4], elementwise_affine=False)": nn.LayerNorm([3, 4], elementwise_affine=False),
    "GroupNorm(4, 16)": nn.GroupNorm(4, 16),
    "InstanceNorm2d(3)": nn.InstanceNorm2d(3),
    "InstanceNorm1d(3, affine=True)": nn.InstanceNorm1d(3, affine=True),
    "MaxPool2d(2)": nn.MaxPool2d(2),
    "MaxPool2d(3, stride=2, padding=1, ceil_mode=True)": nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True),
    "MaxPool1d(2)": nn.MaxPool1d(2),
    "AvgPool2d(2)": nn.AvgPool2d(2),
    "AvgPool2d(3, stride=1, padding=1, count_include_pad=False)":
        nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False),
    "AdaptiveAvgPool2d((1, 1))": nn.AdaptiveAvgPool2d((1, 1)),
    "AdaptiveAvgPool2d(1)": nn.AdaptiveAvgPool2d(1),
    "AdaptiveMaxPool2d((2, None))": nn.AdaptiveMaxPool2d((2, None)),
    "ReLU()": nn.ReLU(),
    "ReLU(inplace=True)": nn.ReLU(inplace=True),
    "LeakyReLU()": nn.LeakyReLU(),
    "GELU()": nn.GELU(),
    "SiLU()": nn.SiLU(),
    "Sigmoid()": nn.Sigmoid(),
    "Tanh()": nn.Tanh(),
    "Softmax(dim=1)": nn.Softmax(dim=1),
    "Dropout()": nn.Dropout(),
    "Dropout(0.2)": nn.Dropout(0.2),
    "Identity()": nn.Identity(),
    "Flatten()": nn.Flatten(),
    "Conv2d(3, 16, 3)": nn.Conv2d(3, 16, 3),
    "Conv2d(3, 16, 3, stride=2, padding=1, bias=False)": nn.Conv2d(3, 16, 3, stride=2, padding=1, bias=False),
    "Conv2d(4, 4, 3, padding='same', groups=2, dilation=2)": nn.Conv2d(4, 4, 3, padding="same", groups=2, dilation=2),
    "Conv1d(2, 4, 5)": nn.Conv1d(2, 4, 5),
    "MSELoss()": nn.MSELoss(),
    "L1Loss()": nn.L1Loss(),
    "CrossEntropyLoss()": nn.CrossEntropyLoss(),
    "BCEWithLogitsLoss()": nn.BCEWithLogitsLoss(),
}
for name, m in REPRS.items():
    out["reprs"].append({"module": name, "repr": repr(m)})

# Registry orders of the nested MLP.
mlp = MLP()
out["state_dict_keys"] = {
    "state_dict": list(mlp.state_dict().keys()),
    "named_parameters": [n for n, _ in mlp.named_parameters()],
    "named_buffers": [n for n, _ in mlp.named_buffers()],
    "named_children": [n for n, _ in mlp.named_children()],
    "named_modules": [n for n, _ in mlp.named_modules()],
    "bn_state_dict": list(nn.BatchNorm2d(3).state_dict().keys()),
}

def load_err(m, sd, strict=True):
    return error_json(lambda: m.load_state_dict(sd, strict=strict))

lin = nn.Linear(3, 2)
out["load_errors"] = [
    {"case": "missing_bias", **load_err(nn.Linear(3, 2), {"weight": torch.zeros(2, 3)})},
    {"case": "unexpected", **load_err(nn.Linear(3, 2), {"weight": torch.zeros(2, 3), "bias": torch.zeros(2),
                                                        "extra": torch.zeros(1)})},
    {"case": "missing_and_unexpected", **load_err(nn.Linear(3, 2), {"weight": torch.zeros(2, 3),
                                                                   "b": torch.zeros(2), "c": torch.zeros(2)})},
    {"case": "shape", **load_err(nn.Linear(3, 2), {"weight": torch.zeros(3, 3), "bias": torch.zeros(2)})},
    {"case": "nested_missing", **load_err(nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1)),
                                          {"0.weight": torch.zeros(2, 2), "0.bias": torch.zeros(2)})},
]
res = nn.Linear(3, 2).load_state_dict({"weight": torch.zeros(2, 3)}, strict=False)
out["load_nonstrict_repr"] = repr(res)

# Optimizer trajectories: one parameter, 5 fixed gradients.
P0 = [0.5, -1.25, 2.0, 0.0, -0.3, 1.7]
GRADS = [[0.1 * (k + 1) * (1 if i % 2 == 0 else -1) + 0.05 * i for i in range(6)] for k in range(5)]
OPT_CASES = [
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.1, "momentum": 0.9}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}),
    ("SGD", {"lr": 0.05, "momentum": 0.8, "nesterov": True}),
    ("SGD", {"lr": 0.1, "momentum": 0.5, "maximize": True}),
    ("Adam", {"lr": 0.01}),
    ("Adam", {"lr": 0.1, "betas": (0.8, 0.95), "eps": 1e-6, "weight_decay": 0.1}),
    ("Adam", {"lr": 0.05, "amsgrad": True}),
    ("Adam", {"lr": 0.05, "maximize": True}),
    ("AdamW", {"lr": 0.01}),
    ("AdamW", {"lr": 0.1, "betas": (0.85, 0.99), "weight_decay": 0.1, "amsgrad": True}),
]
for name, kw in OPT_CASES:
    p = nn.Parameter(torch.tensor(P0).reshape(2, 3))
    opt = getattr(torch.optim, name)([p], **kw)
    traj = []
    for g in GRADS:
        p.grad = torch.tensor(g).reshape(2, 3)
        opt.step()
        traj.append(tensor_json(p))
    kwj = {k: list(v) if isinstance(v, tuple) else v for k, v in kw.items()}
    out["optim"].append({"optimizer": name, "kwargs": kwj, "trajectory": traj})
out["optim_p0"] = P0
out["optim_grads"] = GRADS

p = nn.Parameter(torch.zeros(2))
out["optim_errors"] = [
    {"case": "sgd_lr", **error_json(lambda: torch.optim.SGD([p], lr=-0.1))},
    {"case": "sgd_momentum", **error_json(lambda: torch.optim.SGD([p], lr=0.1, momentum=-1))},
    {"case": "sgd_wd", **error_json(lambda: torch.optim.SGD([p], lr=0.1, weight_decay=-1))},
    {"case": "sgd_nesterov", **error_json(lambda: torch.optim.SGD([p], lr=0.1, nesterov=True))},
    {"case": "adam_lr", **error_json(lambda: torch.optim.Adam([p], lr=-1))},
    {"case": "adam_eps", **error_json(lambda: torch.optim.Adam([p], eps=-1e-8))},
    {"case": "adam_beta0", **error_json(lambda: torch.optim.Adam([p], betas=(1.0, 0.999)))},
    {"case": "adam_beta1", **error_json(lambda: torch.optim.Adam([p], betas=(0.9, -0.5)))},
    {"case": "adamw_wd", **error_json(lambda: torch.optim.AdamW([p], weight_decay=-0.5))},
    {"case": "empty", **error_json(lambda: torch.optim.SGD([], lr=0.1))},
]
out["sgd_repr"] = repr(torch.optim.SGD([p], lr=0.1))
out["adam_repr"] = repr(torch.optim.Adam([p]))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "modules.json"), "w") as f:
    json.dump(out, f, indent=1)
