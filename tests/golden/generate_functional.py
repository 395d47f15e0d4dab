#!/usr/bin/python3
"""Write tests/golden/functional.json from PyTorch 1.13 (Debian's python3-torch).

Run with /usr/bin/python3 tests/golden/generate_functional.py. The native
tests (tests/native/nn/test_{conv,activation,dropout,loss}.cpp) read the
committed JSON and never need PyTorch.

Sections: "conv" (F.conv1d, F.conv2d), "activation" (F.leaky_relu, F.gelu,
F.silu, F.softmax, F.log_softmax, F.hardtanh, F.relu6, F.elu), "dropout"
(F.dropout after torch.manual_seed(seed)), "loss" (F.mse_loss, F.l1_loss,
F.cross_entropy, F.binary_cross_entropy_with_logits) and "errors".

A case is {"name", "op", "params", "args": {name: tensor or null},
"requires_grad": [arg names], "grad_output", "expected": {"output",
"grad_fn", "grads": {arg name: tensor}}, "atol", "grad_atol"}. Parameters
are recorded as the C++ API receives them: conv's stride / padding /
dilation as an int (a Python int) or a list; padding may be "same" or
"valid".

Tolerances are per case: 4x PyTorch's own float32 error (the largest
difference between its float32 result and the same computation in float64),
at least 1e-5 for outputs and 1e-4 for gradients. Dropout's mask must match
exactly (it is drawn from the same generator stream), so its tolerance is
1e-6.

An error is {"op", "args": {name: {"shape", "dtype", "fill"} or null},
"params", "error", "message"}: PyTorch's exception type and exact text.
"""
import json
import pathlib
import random

import torch
import torch.nn.functional as F

from torch_json import error_json, tensor_json

OUT = pathlib.Path(__file__).with_name("functional.json")

FLOAT_ARGS = ("input", "weight", "bias", "target", "pos_weight")


def compact(obj):
    """Floats with 9 significant digits: enough to round-trip float32."""
    if isinstance(obj, float):
        return float("%.9g" % obj)
    if isinstance(obj, list):
        return [compact(v) for v in obj]
    if isinstance(obj, dict):
        return {k: compact(v) for k, v in obj.items()}
    return obj


def tj(t):
    return None if t is None else tensor_json(t)


def call(op, a, p):
    """The functional op with the case's arguments, as the C++ side calls it."""
    if op in ("conv1d", "conv2d"):
        fn = F.conv1d if op == "conv1d" else F.conv2d
        return fn(a["input"], a["weight"], a.get("bias"), p["stride"], p["padding"], p["dilation"], p["groups"])
    if op == "leaky_relu":
        return F.leaky_relu(a["input"], p["negative_slope"])
    if op == "gelu":
        return F.gelu(a["input"], approximate=p["approximate"])
    if op == "silu":
        return F.silu(a["input"])
    if op == "softmax":
        return F.softmax(a["input"], p["dim"])
    if op == "log_softmax":
        return F.log_softmax(a["input"], p["dim"])
    if op == "hardtanh":
        return F.hardtanh(a["input"], p["min_val"], p["max_val"])
    if op == "relu6":
        return F.relu6(a["input"])
    if op == "elu":
        return F.elu(a["input"], p["alpha"])
    if op == "dropout":
        torch.manual_seed(p["seed"])
        return F.dropout(a["input"], p["p"], p["training"])
    if op == "mse_loss":
        return F.mse_loss(a["input"], a["target"], reduction=p["reduction"])
    if op == "l1_loss":
        return F.l1_loss(a["input"], a["target"], reduction=p["reduction"])
    if op == "cross_entropy":
        return F.cross_entropy(a["input"], a["target"], a.get("weight"), ignore_index=p["ignore_index"],
                               reduction=p["reduction"], label_smoothing=p["label_smoothing"])
    if op == "binary_cross_entropy_with_logits":
        return F.binary_cross_entropy_with_logits(a["input"], a["target"], a.get("weight"),
                                                  reduction=p["reduction"], pos_weight=a.get("pos_weight"))
    raise ValueError(op)


def run_case(name, op, args, params, grads=("input",)):
    """One configuration: float32 and float64 runs of the same op on the
    same values, and a random upstream gradient."""
    def forward(dtype):
        leaves = {}
        for k, v in args.items():
            if v is None:
                leaves[k] = None
            elif v.dtype.is_floating_point:
                leaves[k] = v.to(dtype).detach().requires_grad_(k in grads)
            else:
                leaves[k] = v
        y = call(op, leaves, params)
        return y, leaves

    y, leaves = forward(torch.float32)
    gy = torch.randn(y.shape)
    y64, leaves64 = forward(torch.float64)
    wrt = [k for k in grads if leaves.get(k) is not None and leaves[k].requires_grad]
    got = torch.autograd.grad(y, [leaves[k] for k in wrt], gy) if wrt and y.requires_grad else []
    got64 = torch.autograd.grad(y64, [leaves64[k] for k in wrt], gy.double()) if wrt and y64.requires_grad else []

    def err(a, b):
        d = (a.double() - b).abs()
        d = d[~torch.isnan(d)]
        return d.max().item() if d.numel() else 0.0

    own = err(y, y64)
    own_grad = max([err(a, b) for a, b in zip(got, got64)] + [0.0])
    return {
        "name": name,
        "op": op,
        "params": params,
        "args": {k: tj(v) for k, v in args.items()},
        "requires_grad": wrt,
        "grad_output": tj(gy),
        "expected": {
            "output": tj(y),
            "grad_fn": type(y.grad_fn).__name__ if y.grad_fn is not None else None,
            "grads": {k: tj(g) for k, g in zip(wrt, got)},
        },
        "atol": 1e-6 if op == "dropout" else max(1e-5, 4 * own),
        "grad_atol": 1e-6 if op == "dropout" else max(1e-4, 4 * own_grad),
    }


# ---------------------------------------------------------------- conv

def conv_case(op, n, cin, cout, size, k, stride=1, padding=0, dilation=1, groups=1, bias=True, unbatched=False,
              grads=("input", "weight", "bias"), name=None):
    spatial = 1 if op == "conv1d" else 2
    size = [size] * spatial if isinstance(size, int) else list(size)
    k = [k] * spatial if isinstance(k, int) else list(k)
    shape = ([] if unbatched else [n]) + [cin] + size
    args = {
        "input": torch.randn(shape),
        "weight": torch.randn([cout, cin // groups] + k) * 0.5,
        "bias": torch.randn(cout) if bias else None,
    }
    params = {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}
    if name is None:
        name = f"{op} in {shape} k {k} s {stride} p {padding} d {dilation} g {groups}" + ("" if bias else " no bias")
    return run_case(name, op, args, params, grads)


def conv_cases():
    c = []
    # conv2d: every option, groups 1 and groups = C, 'same' with even kernels
    # and dilation, unbatched input.
    c.append(conv_case("conv2d", 2, 3, 4, 5, 3))
    c.append(conv_case("conv2d", 1, 1, 1, 4, 2))
    c.append(conv_case("conv2d", 2, 3, 5, 6, 3, padding=1))
    c.append(conv_case("conv2d", 2, 2, 3, 7, 3, stride=2))
    c.append(conv_case("conv2d", 2, 2, 3, 8, 3, stride=2, padding=1, bias=False))
    c.append(conv_case("conv2d", 1, 3, 2, [7, 9], [3, 2], stride=[2, 1], padding=[1, 0]))
    c.append(conv_case("conv2d", 2, 2, 2, 7, 3, dilation=2))
    c.append(conv_case("conv2d", 1, 2, 3, [8, 6], 3, dilation=[2, 1], padding=[2, 1]))
    c.append(conv_case("conv2d", 2, 4, 4, 5, 3, groups=4, padding=1))
    c.append(conv_case("conv2d", 2, 6, 6, 6, 3, groups=6, stride=2))
    c.append(conv_case("conv2d", 2, 4, 8, 5, 3, groups=4))
    c.append(conv_case("conv2d", 2, 4, 6, 5, 3, groups=2, padding=1))
    c.append(conv_case("conv2d", 1, 6, 3, 6, [1, 3], groups=3, stride=[1, 2]))
    c.append(conv_case("conv2d", 2, 3, 4, 5, 3, padding="same"))
    c.append(conv_case("conv2d", 2, 3, 4, 6, 2, padding="same"))
    c.append(conv_case("conv2d", 1, 2, 3, [5, 6], [4, 3], padding="same"))
    c.append(conv_case("conv2d", 1, 2, 3, 7, 2, padding="same", dilation=2))
    c.append(conv_case("conv2d", 1, 2, 2, 7, 3, padding="same", dilation=[1, 2]))
    c.append(conv_case("conv2d", 1, 2, 2, [6, 5], [2, 4], padding="same", dilation=[3, 1]))
    c.append(conv_case("conv2d", 2, 4, 4, 6, 2, padding="same", groups=4))
    c.append(conv_case("conv2d", 2, 3, 2, 5, 3, padding="valid"))
    c.append(conv_case("conv2d", 2, 3, 2, 6, 2, padding="valid", stride=2))
    c.append(conv_case("conv2d", 0, 3, 4, 5, 3, unbatched=True))
    c.append(conv_case("conv2d", 0, 4, 2, 6, 3, unbatched=True, padding="same", groups=2))
    c.append(conv_case("conv2d", 0, 2, 3, 6, 2, unbatched=True, padding="same"))
    c.append(conv_case("conv2d", 3, 2, 3, 5, 5, padding=2))
    c.append(conv_case("conv2d", 2, 3, 4, 5, 1))
    c.append(conv_case("conv2d", 2, 3, 4, 5, 3, grads=("input",)))
    c.append(conv_case("conv2d", 2, 3, 4, 5, 3, grads=("weight", "bias")))
    c.append(conv_case("conv2d", 2, 8, 16, 12, 3, padding=1, name="conv2d wider, 8 -> 16 channels"))
    c.append(conv_case("conv2d", 1, 3, 2, 4, 3, padding=3, name="conv2d padding larger than the kernel"))
    # conv1d
    c.append(conv_case("conv1d", 2, 3, 4, 9, 3))
    c.append(conv_case("conv1d", 1, 1, 1, 5, 2))
    c.append(conv_case("conv1d", 2, 2, 3, 10, 3, padding=1))
    c.append(conv_case("conv1d", 2, 2, 3, 11, 3, stride=2))
    c.append(conv_case("conv1d", 2, 2, 3, 11, 4, stride=3, padding=2, bias=False))
    c.append(conv_case("conv1d", 2, 2, 2, 12, 3, dilation=3))
    c.append(conv_case("conv1d", 1, 2, 2, 12, [3], dilation=[2], padding=[2], stride=[1]))
    c.append(conv_case("conv1d", 2, 4, 4, 8, 3, groups=4, padding=1))
    c.append(conv_case("conv1d", 2, 4, 8, 8, 3, groups=4))
    c.append(conv_case("conv1d", 2, 6, 4, 9, 2, groups=2, stride=2))
    c.append(conv_case("conv1d", 2, 3, 4, 9, 3, padding="same"))
    c.append(conv_case("conv1d", 2, 3, 4, 9, 2, padding="same"))
    c.append(conv_case("conv1d", 2, 3, 4, 9, 4, padding="same"))
    c.append(conv_case("conv1d", 1, 2, 3, 10, 2, padding="same", dilation=3))
    c.append(conv_case("conv1d", 1, 2, 3, 10, 3, padding="same", dilation=2))
    c.append(conv_case("conv1d", 2, 3, 3, 8, 2, padding="same", groups=3))
    c.append(conv_case("conv1d", 2, 3, 2, 8, 3, padding="valid"))
    c.append(conv_case("conv1d", 0, 3, 4, 9, 3, unbatched=True))
    c.append(conv_case("conv1d", 0, 2, 4, 9, 2, unbatched=True, padding="same"))
    c.append(conv_case("conv1d", 3, 2, 3, 7, 1))
    c.append(conv_case("conv1d", 2, 3, 4, 9, 3, grads=("weight",)))
    c.append(conv_case("conv1d", 2, 3, 4, 6, 3, padding=4, name="conv1d padding larger than the kernel"))
    c.append(conv_case("conv1d", 2, 2, 3, 1, 2, padding="same", name="conv1d 'same', input shorter than the kernel"))
    c.append(conv_case("conv2d", 1, 2, 2, [1, 2], [2, 3], padding="same", name="conv2d 'same', 1-row input"))
    return c


# ---------------------------------------------------------------- activations

def rand_shape(rng, lo=1, hi=4):
    nd = rng.randint(lo, hi)
    return [rng.randint(1, 6) for _ in range(nd)]


def activation_cases():
    rng = random.Random(1)
    c = []
    for i in range(22):
        shape = rand_shape(rng)
        slope = [0.01, 0.2, 0.0, 1.5, -0.3][i % 5]
        c.append(run_case(f"leaky_relu {shape} slope {slope}", "leaky_relu", {"input": torch.randn(shape) * 2},
                          {"negative_slope": slope}))
    for i in range(22):
        shape = rand_shape(rng)
        approx = "none" if i % 2 == 0 else "tanh"
        scale = 4.0 if i % 3 == 0 else 1.5
        c.append(run_case(f"gelu {shape} {approx}", "gelu", {"input": torch.randn(shape) * scale},
                          {"approximate": approx}))
    for i in range(20):
        shape = rand_shape(rng)
        scale = 6.0 if i % 4 == 0 else 1.5
        c.append(run_case(f"silu {shape}", "silu", {"input": torch.randn(shape) * scale}, {}))
    for op in ("softmax", "log_softmax"):
        for i in range(22):
            shape = rand_shape(rng, 1, 4)
            dim = rng.randint(-len(shape), len(shape) - 1)
            scale = [1.0, 10.0, 50.0][i % 3]
            offset = 100.0 if i % 5 == 4 else 0.0
            c.append(run_case(f"{op} {shape} dim {dim} scale {scale} offset {offset}", op,
                              {"input": torch.randn(shape) * scale + offset}, {"dim": dim}))
        c.append(run_case(f"{op} 0-d", op, {"input": torch.randn(())}, {"dim": 0}))
        c.append(run_case(f"{op} wide rows", op, {"input": torch.randn(3, 300) * 5}, {"dim": 1}))
        c.append(run_case(f"{op} with -inf", op,
                          {"input": torch.tensor([[0.5, float("-inf"), 2.0], [1.0, 3.0, float("-inf")]])},
                          {"dim": -1}))
    for i in range(20):
        shape = rand_shape(rng)
        lo, hi = [(-1.0, 1.0), (-0.5, 2.0), (0.0, 6.0), (-2.0, -1.0)][i % 4]
        c.append(run_case(f"hardtanh {shape} [{lo}, {hi}]", "hardtanh", {"input": torch.randn(shape) * 3},
                          {"min_val": lo, "max_val": hi}))
    for i in range(20):
        shape = rand_shape(rng)
        c.append(run_case(f"relu6 {shape}", "relu6", {"input": torch.randn(shape) * 5}, {}))
    for i in range(20):
        shape = rand_shape(rng)
        alpha = [1.0, 0.5, 2.0, 0.0][i % 4]
        c.append(run_case(f"elu {shape} alpha {alpha}", "elu", {"input": torch.randn(shape) * 2},
                          {"alpha": alpha}))
    # Boundary values: the gradient at exactly 0 and at the clamp bounds.
    edge = torch.tensor([-6.0, -1.0, 0.0, 1.0, 6.0, -0.0, 2.5])
    c.append(run_case("leaky_relu at 0", "leaky_relu", {"input": edge}, {"negative_slope": 0.1}))
    c.append(run_case("hardtanh at the bounds", "hardtanh", {"input": edge}, {"min_val": -1.0, "max_val": 1.0}))
    c.append(run_case("relu6 at the bounds", "relu6", {"input": edge}, {}))
    c.append(run_case("elu at 0", "elu", {"input": edge}, {"alpha": 1.0}))
    return c


# ---------------------------------------------------------------- dropout

def dropout_cases():
    rng = random.Random(2)
    c = []
    ps = [0.5, 0.1, 0.9, 0.25, 0.0, 1.0, 0.5, 0.3, 0.75, 0.6]
    for i in range(24):
        shape = rand_shape(rng, 1, 4)
        if i % 6 == 5:
            shape = [4, 64, 9]  # long enough to cover many 64-bit draws
        p = ps[i % len(ps)]
        training = i % 7 != 3
        seed = rng.randint(0, 2 ** 31)
        c.append(run_case(f"dropout {shape} p {p} training {training} seed {seed}", "dropout",
                          {"input": torch.randn(shape)}, {"p": p, "training": training, "seed": seed}))
    return c


# ---------------------------------------------------------------- losses

REDUCTIONS = ("mean", "sum", "none")


def loss_cases():
    rng = random.Random(3)
    c = []
    for op in ("mse_loss", "l1_loss"):
        for i in range(21):
            shape = rand_shape(rng, 0, 4)
            red = REDUCTIONS[i % 3]
            grads = ("input", "target") if i % 2 == 0 else ("input",)
            c.append(run_case(f"{op} {shape} {red}", op, {"input": torch.randn(shape), "target": torch.randn(shape)},
                              {"reduction": red}, grads))
        # a target that broadcasts (PyTorch warns and broadcasts)
        c.append(run_case(f"{op} broadcast target", op, {"input": torch.randn(3, 4), "target": torch.randn(4)},
                          {"reduction": "mean"}, ("input", "target")))

    def ce(name, shape, red="mean", ignore_index=-100, smoothing=0.0, weight=False, probs=False, ignore_some=False,
           grads=("input",)):
        x = torch.randn(shape) * 2
        ncls = shape[0] if len(shape) == 1 else shape[1]
        if probs:
            target = torch.softmax(torch.randn(shape), 0 if len(shape) == 1 else 1)
        else:
            tshape = [] if len(shape) == 1 else [shape[0]] + shape[2:]
            target = torch.randint(0, ncls, tshape)
            if ignore_some and target.numel() > 0:
                flat = target.view(-1)
                flat[:: 2] = ignore_index
        w = torch.rand(ncls) + 0.5 if weight else None
        p = {"reduction": red, "ignore_index": ignore_index, "label_smoothing": smoothing}
        return run_case(f"cross_entropy {name} {shape} {red}", "cross_entropy",
                        {"input": x, "target": target, "weight": w}, p, grads)

    for red in REDUCTIONS:
        c.append(ce("[N,C]", [5, 4], red))
        c.append(ce("[N,C] weight", [6, 3], red, weight=True))
        c.append(ce("[N,C] ignore_index", [6, 4], red, ignore_index=1, ignore_some=True))
        c.append(ce("[N,C] ignore_index -100 used", [6, 4], red, ignore_some=True, weight=True))
        c.append(ce("[N,C] label smoothing", [5, 4], red, smoothing=0.1))
        c.append(ce("[N,C] label smoothing weight ignore", [6, 5], red, smoothing=0.2, weight=True,
                    ignore_index=2, ignore_some=True))
        c.append(ce("[C] unbatched", [5], red))
        c.append(ce("[C] unbatched smoothing", [5], red, smoothing=0.3))
        c.append(ce("[N,C,L]", [2, 3, 4], red))
        c.append(ce("[N,C,H,W]", [2, 3, 2, 3], red, weight=True))
        c.append(ce("[N,C,H,W] smoothing", [2, 4, 2, 2], red, smoothing=0.15))
        c.append(ce("[N,C,D,H,W]", [2, 3, 2, 2, 2], red, ignore_index=0, ignore_some=True))
        c.append(ce("[N,C] probabilities", [4, 5], red, probs=True, grads=("input", "target")))
        c.append(ce("[N,C] probabilities weight smoothing", [4, 3], red, probs=True, weight=True, smoothing=0.1))
        c.append(ce("[N,C,H,W] probabilities", [2, 3, 2, 2], red, probs=True))
        c.append(ce("[C] probabilities", [4], red, probs=True))
    c.append(ce("[N,C] every target ignored", [1, 4], "mean", ignore_some=True))
    c.append(ce("[N,C] smoothing 1.0", [4, 3], "mean", smoothing=1.0))

    for i in range(24):
        shape = rand_shape(rng, 1, 3)
        red = REDUCTIONS[i % 3]
        args = {"input": torch.randn(shape) * 3, "target": torch.rand(shape)}
        if i % 4 in (1, 3):
            args["weight"] = torch.rand(shape[-1:]) + 0.5
        if i % 4 in (2, 3):
            args["pos_weight"] = torch.rand(shape[-1:]) * 2 + 0.2
        grads = ("input", "target") if i % 2 == 0 else ("input",)
        name = f"binary_cross_entropy_with_logits {shape} {red} " + " ".join(k for k in args if k not in FLOAT_ARGS[:1])
        c.append(run_case(name, "binary_cross_entropy_with_logits", args, {"reduction": red}, grads))
    c.append(run_case("binary_cross_entropy_with_logits large logits", "binary_cross_entropy_with_logits",
                      {"input": torch.tensor([[-100.0, 100.0, 30.0], [-30.0, 0.0, 50.0]]),
                       "target": torch.tensor([[1.0, 0.0, 1.0], [0.0, 0.5, 0.0]]),
                       "pos_weight": torch.tensor([2.0, 0.5, 1.0])}, {"reduction": "none"}, ("input", "target")))
    return c


# ---------------------------------------------------------------- errors

DT = {"float32": torch.float32, "int64": torch.int64, "bool": torch.bool}


def spec(shape, dtype="float32", fill=1):
    return {"shape": shape, "dtype": dtype, "fill": fill}


def make(s):
    return None if s is None else torch.full(s["shape"], s["fill"], dtype=DT[s["dtype"]])


def error_case(op, args, params):
    err = error_json(lambda: call(op, {k: make(v) for k, v in args.items()}, params))
    return {"op": op, "args": args, "params": params, **err}


def conv_p(stride=1, padding=0, dilation=1, groups=1):
    return {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}


def error_cases():
    e = []

    def conv(op, x, w, b=None, **kw):
        e.append(error_case(op, {"input": x, "weight": w, "bias": b}, conv_p(**kw)))

    conv("conv2d", spec([2, 3]), spec([4, 3, 3, 3]))
    conv("conv2d", spec([1, 1, 2, 3, 3]), spec([4, 3, 3, 3]))
    conv("conv2d", spec([1, 2, 5, 5]), spec([4, 3, 3, 3]))
    conv("conv2d", spec([2, 5, 5]), spec([4, 3, 3, 3]))
    conv("conv2d", spec([1, 3, 2, 2]), spec([4, 3, 3, 3]))
    conv("conv2d", spec([1, 3, 4, 4]), spec([4, 3, 3, 3]), dilation=2)
    conv("conv2d", spec([1, 3, 2, 5]), spec([4, 3, 3, 3]), padding=[0, 1])
    conv("conv2d", spec([1, 3, 2, 2]), spec([4, 3, 3, 3]), padding="valid")
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), padding="same", stride=2)
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), padding="same", stride=[1, 2])
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), padding="foo")
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), padding="Same")
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), groups=2)
    conv("conv2d", spec([1, 4, 5, 5]), spec([3, 2, 3, 3]), groups=2)
    conv("conv2d", spec([1, 4, 5, 5]), spec([2, 1, 3, 3]), groups=4)
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), spec([3]))
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), spec([2, 2]))
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3]))
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3, 3]))
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), stride=0)
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), stride=[1, -1])
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), padding=-1)
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), dilation=0)
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), dilation=[1, -2])
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), groups=0)
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), groups=-1)
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), stride=[1, 1, 1])
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), padding=[1, 1, 1])
    conv("conv2d", spec([1, 3, 5, 5], "int64"), spec([4, 3, 3, 3]))
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3], "int64"))
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), spec([4], "int64"))
    conv("conv2d", spec([1, 3, 5, 5]), spec([4, 3, 3, 3]), padding="same", dilation=0)
    conv("conv1d", spec([3]), spec([4, 3, 3]))
    conv("conv1d", spec([1, 2, 3, 4]), spec([4, 3, 3]))
    conv("conv1d", spec([1, 2, 5]), spec([4, 3, 3]))
    conv("conv1d", spec([1, 3, 2]), spec([4, 3, 3]))
    conv("conv1d", spec([3, 2]), spec([4, 3, 3]), padding="valid")
    conv("conv1d", spec([1, 3, 5]), spec([4, 3, 3]), padding="same", stride=2)
    conv("conv1d", spec([1, 3, 5]), spec([4, 3, 3]), padding="full")
    conv("conv1d", spec([1, 3, 5]), spec([4, 3, 3]), groups=3)
    conv("conv1d", spec([1, 3, 5]), spec([4, 3, 3]), spec([5]))
    conv("conv1d", spec([1, 3, 5]), spec([4, 3, 3, 3]))
    conv("conv1d", spec([1, 3, 5]), spec([4, 3, 3]), stride=[1, 1])

    def one(op, x, **p):
        e.append(error_case(op, {"input": x}, p))

    one("softmax", spec([2, 3]), dim=2)
    one("softmax", spec([2, 3]), dim=-3)
    one("softmax", spec([2, 3], "int64"), dim=1)
    one("softmax", spec([2, 3], "int64"), dim=0)
    one("log_softmax", spec([2, 3]), dim=5)
    one("log_softmax", spec([2, 3], "int64"), dim=1)
    one("softmax", spec([]), dim=1)
    one("gelu", spec([2, 3]), approximate="foo")
    one("gelu", spec([2, 3], "int64"), approximate="none")
    one("leaky_relu", spec([2, 3], "int64"), negative_slope=0.01)
    one("silu", spec([2, 3], "int64"))
    one("hardtanh", spec([2], "bool"), min_val=-1.0, max_val=1.0)
    one("elu", spec([2, 3], "int64"), alpha=1.0)
    one("dropout", spec([2, 3]), p=1.5, training=True, seed=0)
    one("dropout", spec([2, 3]), p=-0.5, training=True, seed=0)
    one("dropout", spec([2, 3]), p=2, training=False, seed=0)

    def loss(op, **a):
        params = a.pop("params")
        e.append(error_case(op, a, params))

    red = {"reduction": "mean"}
    ce = {"reduction": "mean", "ignore_index": -100, "label_smoothing": 0.0}
    loss("mse_loss", input=spec([3, 4]), target=spec([3, 5]), params=red)
    loss("mse_loss", input=spec([3, 4]), target=spec([3, 4]), params={"reduction": "avg"})
    loss("l1_loss", input=spec([2, 4]), target=spec([3, 4]), params=red)
    loss("l1_loss", input=spec([3, 4]), target=spec([3, 4]), params={"reduction": "max"})
    loss("cross_entropy", input=spec([3, 4]), target=spec([3], "int64", 5), weight=None, params=ce)
    loss("cross_entropy", input=spec([3, 4]), target=spec([3], "int64", -5), weight=None, params=ce)
    loss("cross_entropy", input=spec([2, 4, 3, 3]), target=spec([2, 3, 3], "int64", 7), weight=None, params=ce)
    loss("cross_entropy", input=spec([2, 4, 3]), target=spec([2, 3], "int64", 4), weight=None, params=ce)
    loss("cross_entropy", input=spec([4]), target=spec([], "int64", 4), weight=None, params=ce)
    loss("cross_entropy", input=spec([3, 4]), target=spec([3]), weight=None, params=ce)
    loss("cross_entropy", input=spec([3, 4]), target=spec([2], "int64", 0), weight=None, params=ce)
    loss("cross_entropy", input=spec([3, 4]), target=spec([3], "int64", 0), weight=None,
         params={**ce, "reduction": "foo"})
    loss("cross_entropy", input=spec([3, 4]), target=spec([3], "int64", 0), weight=None,
         params={**ce, "label_smoothing": 1.5})
    loss("cross_entropy", input=spec([3, 4]), target=spec([3, 4]), weight=None, params={**ce, "label_smoothing": 1.5})
    loss("cross_entropy", input=spec([3, 4]), target=spec([3], "int64", 0), weight=spec([3]), params=ce)
    loss("cross_entropy", input=spec([3, 4]), target=spec([3, 4]), weight=spec([3]), params=ce)
    loss("cross_entropy", input=spec([3, 4]), target=spec([3, 4]), weight=None, params={**ce, "ignore_index": 1})
    loss("cross_entropy", input=spec([3, 4]), target=spec([3, 4], "int64", 0), weight=None, params=ce)
    loss("cross_entropy", input=spec([2, 3, 4, 5]), target=spec([2, 4], "int64", 0), weight=None, params=ce)
    loss("cross_entropy", input=spec([2, 3, 4]), target=spec([2, 4, 5], "int64", 0), weight=None, params=ce)
    loss("cross_entropy", input=spec([2, 3, 4]), target=spec([2, 5], "int64", 0), weight=None, params=ce)
    loss("cross_entropy", input=spec([2, 3, 4, 5]), target=spec([2, 4, 4], "int64", 0), weight=None, params=ce)
    loss("cross_entropy", input=spec([3, 4], "int64"), target=spec([3], "int64", 0), weight=None, params=ce)
    loss("binary_cross_entropy_with_logits", input=spec([3, 4]), target=spec([3, 5]), params=red)
    loss("binary_cross_entropy_with_logits", input=spec([3, 4]), target=spec([3]), params=red)
    loss("binary_cross_entropy_with_logits", input=spec([3, 4]), target=spec([3, 4]), weight=spec([5]), params=red)
    loss("binary_cross_entropy_with_logits", input=spec([3, 4]), target=spec([3, 4]), pos_weight=spec([5]),
         params=red)
    loss("binary_cross_entropy_with_logits", input=spec([3, 4]), target=spec([3, 4]),
         params={"reduction": "batchmean"})
    return e


def main():
    torch.manual_seed(0)
    doc = {
        "generator": "tests/golden/generate_functional.py",
        "torch": torch.__version__,
        "conv": conv_cases(),
        "activation": activation_cases(),
        "dropout": dropout_cases(),
        "loss": loss_cases(),
        "errors": error_cases(),
    }
    OUT.write_text(json.dumps(compact(doc), separators=(",", ":")) + "\n")
    counts = ", ".join(f"{len(doc[k])} {k}" for k in ("conv", "activation", "dropout", "loss", "errors"))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes: {counts})")


if __name__ == "__main__":
    main()
