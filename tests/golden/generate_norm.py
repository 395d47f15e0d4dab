#!/usr/bin/python3
"""Write tests/golden/norm.json from PyTorch (Debian's python3-torch, 1.13).

Run with /usr/bin/python3 tests/golden/generate_norm.py. For every
normalization layer (F.batch_norm, F.layer_norm, F.group_norm,
F.instance_norm) over random configurations: the output, its grad_fn name,
the gradients of input, weight and bias for a random upstream gradient, and
the running buffers after the call; plus the exact type and text of every
error the functional forms raise. tests/native/nn/test_*_norm.cpp read it.

Tolerances are per case: 4x PyTorch's own float32 error (the largest
difference between its float32 result and the same computation in float64),
at least 1e-5 for outputs and buffers and 1e-4 for gradients.
"""
import json
import pathlib

import torch
import torch.nn.functional as F

from torch_json import error_json, tensor_json

OPS = ("batch_norm", "layer_norm", "group_norm", "instance_norm")


def compact(obj):
    """Floats with 9 significant digits: enough to round-trip float32 and
    half the size of Python's double repr."""
    if isinstance(obj, float):
        return float("%.9g" % obj)
    if isinstance(obj, list):
        return [compact(v) for v in obj]
    if isinstance(obj, dict):
        return {k: compact(v) for k, v in obj.items()}
    return obj


def tj(t):
    return None if t is None else tensor_json(t)


def call(op, x, p, weight, bias, running_mean, running_var):
    if op == "batch_norm":
        return F.batch_norm(x, running_mean, running_var, weight, bias, p["training"], p["momentum"], p["eps"])
    if op == "layer_norm":
        return F.layer_norm(x, p["normalized_shape"], weight, bias, p["eps"])
    if op == "group_norm":
        return F.group_norm(x, p["num_groups"], weight, bias, p["eps"])
    return F.instance_norm(x, running_mean, running_var, weight, bias, p["use_input_stats"], p["momentum"], p["eps"])


def param_shape(op, shape, p):
    return list(p["normalized_shape"]) if op == "layer_norm" else [shape[1]]


def run_case(name, op, shape, params, affine="both", running=False, grads=("input", "weight", "bias"),
             offset=0.0, scale=1.0, permute=None):
    """One configuration: random input (scale * randn + offset), random
    affine parameters and running buffers, random upstream gradient."""
    x = torch.randn(shape) * scale + offset
    pshape = param_shape(op, shape, params)
    weight = torch.rand(pshape) + 0.5 if affine in ("both", "weight") else None
    bias = torch.randn(pshape) if affine in ("both", "bias") else None
    running_mean = torch.randn(shape[1]) * 0.5 if running else None
    running_var = torch.rand(shape[1]) + 0.5 if running else None
    # An optional permuted view as the input: the C++ side builds the same view.
    x_in = x.permute(permute) if permute else x
    gy = torch.randn(x_in.shape)

    case = {
        "name": name,
        "op": op,
        "params": params,
        "input": tj(x),
        "permute": permute,
        "grad_output": tj(gy),
        "weight": tj(weight),
        "bias": tj(bias),
        "running_mean": tj(running_mean),
        "running_var": tj(running_var),
        "requires_grad": {k: (k in grads) for k in ("input", "weight", "bias")},
    }

    def forward(dtype):
        leaves = {
            "input": x_in.to(dtype).detach().requires_grad_("input" in grads),
            "weight": None if weight is None else weight.to(dtype).detach().requires_grad_("weight" in grads),
            "bias": None if bias is None else bias.to(dtype).detach().requires_grad_("bias" in grads),
        }
        rm = None if running_mean is None else running_mean.to(dtype).clone()
        rv = None if running_var is None else running_var.to(dtype).clone()
        y = call(op, leaves["input"], params, leaves["weight"], leaves["bias"], rm, rv)
        wrt = [leaves[k] for k in ("input", "weight", "bias") if leaves[k] is not None and leaves[k].requires_grad]
        got = torch.autograd.grad(y, wrt, gy.to(dtype)) if wrt else []
        grad = {}
        for k in ("input", "weight", "bias"):
            if leaves[k] is not None and leaves[k].requires_grad:
                grad[k] = got[len(grad)]
        return y, grad, rm, rv

    y, grad, rm, rv = forward(torch.float32)
    y64, grad64, rm64, rv64 = forward(torch.float64)
    own = (y.double() - y64).abs().max().item() if y.numel() else 0.0
    for a, b in ((rm, rm64), (rv, rv64)):
        if a is not None:
            own = max(own, (a.double() - b).abs().max().item())
    own_grad = max([(grad[k].double() - grad64[k]).abs().max().item() for k in grad] + [0.0])
    case["expected"] = {
        "output": tj(y),
        "grad_fn": type(y.grad_fn).__name__ if y.grad_fn is not None else None,
        "grad_input": tj(grad.get("input")),
        "grad_weight": tj(grad.get("weight")),
        "grad_bias": tj(grad.get("bias")),
        "running_mean": tj(rm),
        "running_var": tj(rv),
    }
    case["atol"] = max(1e-5, 4 * own)
    case["grad_atol"] = max(1e-4, 4 * own_grad)
    return case


def bn(training, momentum=0.1, eps=1e-5):
    return {"training": training, "momentum": momentum, "eps": eps}


def batch_norm_cases():
    return [
        run_case("1d [N,C] train, running stats", "batch_norm", [8, 5], bn(True), running=True),
        run_case("1d [N,C] eval", "batch_norm", [6, 4], bn(False), running=True),
        run_case("1d [N,C,L] train", "batch_norm", [4, 3, 7], bn(True), running=True),
        run_case("1d [N,C,L] train, no running stats", "batch_norm", [3, 4, 5], bn(True)),
        run_case("1d [N,C,L] eval, batch 1", "batch_norm", [1, 3, 6], bn(False), running=True),
        run_case("2d train", "batch_norm", [2, 3, 5, 4], bn(True), running=True),
        run_case("2d train, momentum 0.5, eps 1e-3", "batch_norm", [3, 2, 4, 4], bn(True, 0.5, 1e-3), running=True),
        run_case("2d train, momentum 1", "batch_norm", [2, 4, 3, 3], bn(True, 1.0), running=True),
        run_case("2d train, momentum 0", "batch_norm", [2, 2, 3, 5], bn(True, 0.0), running=True),
        run_case("2d train, cumulative factor 1/3", "batch_norm", [2, 3, 4, 2], bn(True, 1.0 / 3.0), running=True),
        run_case("2d train, no affine", "batch_norm", [2, 3, 4, 4], bn(True), affine="none", running=True),
        run_case("2d train, weight only", "batch_norm", [3, 3, 3, 3], bn(True), affine="weight", running=True),
        run_case("2d train, bias only", "batch_norm", [3, 2, 3, 4], bn(True), affine="bias"),
        run_case("2d eval", "batch_norm", [2, 3, 4, 5], bn(False), running=True),
        run_case("2d eval, batch 1, eps 0.1", "batch_norm", [1, 4, 3, 3], bn(False, 0.1, 0.1), running=True),
        run_case("2d eval, no affine", "batch_norm", [2, 2, 5, 3], bn(False), affine="none", running=True),
        run_case("2d train, eps 0", "batch_norm", [2, 3, 3, 4], bn(True, 0.1, 0.0), running=True),
        run_case("2d train, large offset", "batch_norm", [4, 2, 6, 6], bn(True), running=True, offset=100.0,
                 scale=0.1),
        run_case("2d train, input grad only", "batch_norm", [2, 3, 4, 4], bn(True), running=True, grads=("input",)),
        run_case("2d train, parameter grads only", "batch_norm", [2, 3, 4, 4], bn(True), grads=("weight", "bias")),
        run_case("2d eval, parameter grads only", "batch_norm", [2, 3, 3, 3], bn(False), running=True,
                 grads=("weight", "bias")),
        run_case("2d train, permuted input", "batch_norm", [2, 3, 4, 5], bn(True), running=True,
                 permute=[0, 1, 3, 2]),
        run_case("3d train", "batch_norm", [2, 3, 3, 4, 2], bn(True), running=True),
        run_case("3d eval", "batch_norm", [2, 2, 2, 3, 4], bn(False), running=True),
        run_case("2d train, larger planes", "batch_norm", [2, 3, 17, 19], bn(True), running=True),
        # Planes of 1024 values and more take the channel-by-channel backward.
        run_case("2d train, planes over 1024 values", "batch_norm", [2, 2, 32, 34], bn(True), running=True),
        run_case("2d eval, planes over 1024 values", "batch_norm", [2, 2, 33, 32], bn(False), running=True),
    ]


def ln(shape, eps=1e-5):
    return {"normalized_shape": shape, "eps": eps}


def layer_norm_cases():
    return [
        run_case("1-d input", "layer_norm", [7], ln([7])),
        run_case("last dim", "layer_norm", [4, 6], ln([6])),
        run_case("last dim, no affine", "layer_norm", [3, 10], ln([10]), affine="none"),
        run_case("last dim, weight only", "layer_norm", [3, 9], ln([9]), affine="weight"),
        run_case("last dim, bias only", "layer_norm", [3, 9], ln([9]), affine="bias"),
        run_case("last dim, eps 1e-3", "layer_norm", [5, 8], ln([8], 1e-3)),
        run_case("last dim, eps 0.5", "layer_norm", [2, 5], ln([5], 0.5)),
        run_case("single column", "layer_norm", [4, 1], ln([1])),
        run_case("3-d input, last dim", "layer_norm", [2, 3, 16], ln([16])),
        run_case("3-d input, last two dims", "layer_norm", [2, 3, 16], ln([3, 16])),
        run_case("3-d input, all dims", "layer_norm", [2, 3, 5], ln([2, 3, 5])),
        run_case("4-d input, last dim", "layer_norm", [2, 3, 4, 5], ln([5])),
        run_case("4-d input, last two dims", "layer_norm", [2, 3, 4, 5], ln([4, 5])),
        run_case("4-d input, last three dims", "layer_norm", [2, 3, 4, 5], ln([3, 4, 5])),
        run_case("4-d input, last three dims, no affine", "layer_norm", [2, 2, 3, 4], ln([2, 3, 4]), affine="none"),
        run_case("5-d input, last three dims", "layer_norm", [2, 2, 2, 3, 4], ln([2, 3, 4])),
        run_case("wide rows", "layer_norm", [3, 300], ln([300])),
        run_case("odd width", "layer_norm", [4, 37], ln([37])),
        run_case("large offset", "layer_norm", [3, 33], ln([33]), offset=1000.0, scale=0.5),
        run_case("tiny values", "layer_norm", [2, 12], ln([12]), scale=1e-3),
        run_case("input grad only", "layer_norm", [3, 8], ln([8]), grads=("input",)),
        run_case("parameter grads only", "layer_norm", [3, 2, 8], ln([2, 8]), grads=("weight", "bias")),
        run_case("permuted input", "layer_norm", [3, 4, 5], ln([4]), permute=[0, 2, 1]),
    ]


def gn(groups, eps=1e-5):
    return {"num_groups": groups, "eps": eps}


def group_norm_cases():
    return [
        run_case("[N,C] input", "group_norm", [3, 6], gn(3)),
        run_case("[N,C] input, one group", "group_norm", [2, 4], gn(1)),
        run_case("1d, groups 2", "group_norm", [2, 4, 5], gn(2)),
        run_case("1d, groups = C", "group_norm", [2, 4, 5], gn(4)),
        run_case("1d, groups 1", "group_norm", [2, 4, 5], gn(1)),
        run_case("2d, groups 2", "group_norm", [2, 6, 3, 4], gn(2)),
        run_case("2d, groups 3", "group_norm", [2, 6, 3, 4], gn(3)),
        run_case("2d, groups = C", "group_norm", [2, 6, 3, 3], gn(6)),
        run_case("2d, groups 1", "group_norm", [2, 6, 3, 3], gn(1)),
        run_case("2d, batch 1", "group_norm", [1, 4, 4, 4], gn(2)),
        run_case("2d, no affine", "group_norm", [2, 4, 3, 3], gn(2), affine="none"),
        run_case("2d, weight only", "group_norm", [2, 4, 3, 3], gn(2), affine="weight"),
        # (bias without weight: PyTorch 1.13's backward fails, "tensor does not have a device")
        run_case("2d, 8 channels, groups 4", "group_norm", [2, 8, 3, 3], gn(4)),
        run_case("2d, eps 1e-3", "group_norm", [2, 4, 4, 3], gn(2, 1e-3)),
        run_case("2d, eps 0.1", "group_norm", [3, 2, 3, 3], gn(1, 0.1)),
        run_case("3d, groups 2", "group_norm", [2, 4, 2, 3, 3], gn(2)),
        run_case("2d, large offset", "group_norm", [2, 4, 5, 5], gn(2), offset=50.0, scale=0.2),
        run_case("2d, larger planes", "group_norm", [2, 4, 11, 13], gn(2)),
        run_case("2d, input grad only", "group_norm", [2, 4, 3, 3], gn(2), grads=("input",)),
        run_case("2d, parameter grads only", "group_norm", [2, 4, 3, 3], gn(2), grads=("weight", "bias")),
        run_case("2d, permuted input", "group_norm", [2, 4, 3, 5], gn(2), permute=[0, 1, 3, 2]),
    ]


def inorm(use_input_stats=True, momentum=0.1, eps=1e-5):
    return {"use_input_stats": use_input_stats, "momentum": momentum, "eps": eps}


def instance_norm_cases():
    return [
        run_case("1d, defaults (no affine, no running stats)", "instance_norm", [2, 3, 6], inorm(), affine="none"),
        run_case("1d, affine", "instance_norm", [3, 2, 7], inorm()),
        run_case("1d, running stats", "instance_norm", [2, 3, 5], inorm(), running=True),
        run_case("1d, running stats, eval", "instance_norm", [2, 3, 5], inorm(False), running=True),
        run_case("2d, defaults", "instance_norm", [2, 3, 4, 4], inorm(), affine="none"),
        run_case("2d, affine", "instance_norm", [2, 3, 4, 5], inorm()),
        run_case("2d, affine, running stats", "instance_norm", [3, 2, 3, 4], inorm(), running=True),
        run_case("2d, running stats, momentum 0.5", "instance_norm", [2, 2, 3, 3], inorm(True, 0.5), running=True,
                 affine="none"),
        run_case("2d, running stats, momentum 1", "instance_norm", [2, 3, 3, 3], inorm(True, 1.0), running=True),
        run_case("2d, eval with running stats", "instance_norm", [2, 3, 4, 4], inorm(False), running=True),
        run_case("2d, eval, batch 1", "instance_norm", [1, 3, 3, 4], inorm(False), running=True),
        run_case("2d, batch 1", "instance_norm", [1, 4, 3, 3], inorm()),
        run_case("2d, eps 1e-3", "instance_norm", [2, 2, 4, 4], inorm(True, 0.1, 1e-3)),
        run_case("2d, eps 0.1", "instance_norm", [2, 2, 3, 3], inorm(True, 0.1, 0.1), affine="none"),
        run_case("2d, weight only", "instance_norm", [2, 3, 3, 3], inorm(), affine="weight"),
        run_case("2d, bias only", "instance_norm", [2, 3, 3, 3], inorm(), affine="bias"),
        run_case("3d, affine", "instance_norm", [2, 2, 2, 3, 3], inorm()),
        run_case("3d, running stats", "instance_norm", [2, 2, 3, 2, 2], inorm(), running=True, affine="none"),
        run_case("2d, large offset", "instance_norm", [2, 2, 5, 5], inorm(), offset=100.0, scale=0.1),
        run_case("2d, larger planes", "instance_norm", [2, 3, 13, 11], inorm()),
        run_case("2d, input grad only", "instance_norm", [2, 3, 3, 3], inorm(), grads=("input",)),
        run_case("2d, parameter grads only", "instance_norm", [2, 3, 3, 3], inorm(), grads=("weight", "bias")),
        run_case("2d, permuted input", "instance_norm", [2, 3, 3, 4], inorm(), permute=[0, 1, 3, 2]),
    ]


def spec(shape, dtype="float32"):
    return {"shape": shape, "dtype": dtype}


DTYPES = {"float32": torch.float32, "int64": torch.int64, "bool": torch.bool}


def make(s):
    return None if s is None else torch.ones(s["shape"], dtype=DTYPES[s["dtype"]])


def error_case(op, input, params, weight=None, bias=None, running_mean=None, running_var=None):
    args = {"input": input, "weight": weight, "bias": bias, "running_mean": running_mean, "running_var": running_var}
    err = error_json(lambda: call(op, make(input), params, make(weight), make(bias), make(running_mean),
                                  make(running_var)))
    return {"op": op, "args": args, "params": params, **err}


def error_cases():
    train, evaluation = bn(True), bn(False)
    return [
        error_case("batch_norm", spec([1, 3]), train),
        error_case("batch_norm", spec([1, 3, 1, 1]), train),
        error_case("batch_norm", spec([2, 3]), train, running_mean=spec([4]), running_var=spec([3])),
        error_case("batch_norm", spec([2, 3]), train, running_mean=spec([3]), running_var=spec([4])),
        error_case("batch_norm", spec([2, 3, 4]), evaluation, running_mean=spec([4]), running_var=spec([4])),
        error_case("batch_norm", spec([2, 3]), train, weight=spec([4])),
        error_case("batch_norm", spec([2, 3]), train, bias=spec([4])),
        error_case("batch_norm", spec([2, 3]), evaluation),
        error_case("batch_norm", spec([2, 3]), evaluation, running_mean=spec([3])),
        error_case("batch_norm", spec([3]), train),
        error_case("batch_norm", spec([]), train),
        error_case("batch_norm", spec([]), evaluation, running_mean=spec([1]), running_var=spec([1])),
        error_case("batch_norm", spec([2, 3], "int64"), train),
        error_case("batch_norm", spec([2, 3], "bool"), train),
        error_case("batch_norm", spec([2, 3]), train, weight=spec([3], "int64")),
        error_case("layer_norm", spec([2, 3]), ln([4])),
        error_case("layer_norm", spec([2, 3]), ln([2, 3, 4])),
        error_case("layer_norm", spec([2, 3, 4]), ln([0])),
        error_case("layer_norm", spec([]), ln([1])),
        error_case("layer_norm", spec([2, 3]), ln([3]), weight=spec([4])),
        error_case("layer_norm", spec([2, 4]), ln([4]), weight=spec([1, 4])),
        error_case("layer_norm", spec([2, 3]), ln([3]), bias=spec([4])),
        error_case("layer_norm", spec([2, 3]), ln([])),
        error_case("layer_norm", spec([2, 3], "int64"), ln([3])),
        error_case("layer_norm", spec([2, 3]), ln([3]), weight=spec([3], "int64")),
        error_case("group_norm", spec([2, 6, 4]), gn(4)),
        error_case("group_norm", spec([2, 6, 4]), gn(3), weight=spec([4])),
        error_case("group_norm", spec([2, 6, 4]), gn(3), weight=spec([6, 1])),
        error_case("group_norm", spec([2, 6, 4]), gn(3), bias=spec([4])),
        error_case("group_norm", spec([2, 6, 4]), gn(3), weight=spec([6]), bias=spec([5])),
        error_case("group_norm", spec([2, 6, 4]), gn(-2)),
        error_case("group_norm", spec([2, 6, 4]), gn(-4)),
        error_case("group_norm", spec([1, 3]), gn(3)),
        error_case("group_norm", spec([1, 3, 1]), gn(3)),
        error_case("group_norm", spec([4]), gn(2)),
        error_case("group_norm", spec([]), gn(1)),
        error_case("group_norm", spec([2, 6, 4], "int64"), gn(3)),
        error_case("group_norm", spec([2, 6, 4]), gn(3), weight=spec([6], "int64")),
        error_case("instance_norm", spec([2, 3, 1]), inorm()),
        error_case("instance_norm", spec([2, 3]), inorm()),
        error_case("instance_norm", spec([3]), inorm()),
        error_case("instance_norm", spec([]), inorm()),
        error_case("instance_norm", spec([]), inorm(False), running_mean=spec([1]), running_var=spec([1])),
        error_case("instance_norm", spec([3]), inorm(False), running_mean=spec([1]), running_var=spec([1])),
        error_case("instance_norm", spec([2, 3, 4]), inorm(), running_mean=spec([4]), running_var=spec([4])),
        error_case("instance_norm", spec([2, 3, 4]), inorm(), running_mean=spec([3]), running_var=spec([4])),
        error_case("instance_norm", spec([2, 3, 4]), inorm(), weight=spec([4])),
        error_case("instance_norm", spec([2, 3, 4]), inorm(), bias=spec([2])),
        error_case("instance_norm", spec([2, 3, 4]), inorm(False)),
        error_case("instance_norm", spec([2, 3, 4]), inorm(False), running_mean=spec([3])),
        error_case("instance_norm", spec([2, 3, 4], "int64"), inorm()),
        error_case("instance_norm", spec([2, 3, 4]), inorm(), weight=spec([3], "int64")),
    ]


def main():
    torch.manual_seed(0)
    doc = {
        "generator": "tests/golden/generate_norm.py",
        "torch": torch.__version__,
        "batch_norm": batch_norm_cases(),
        "layer_norm": layer_norm_cases(),
        "group_norm": group_norm_cases(),
        "instance_norm": instance_norm_cases(),
        "errors": error_cases(),
    }
    path = pathlib.Path(__file__).with_name("norm.json")
    path.write_text(json.dumps(compact(doc), separators=(",", ":")) + "\n")
    counts = ", ".join(f"{len(doc[op])} {op}" for op in OPS)
    print(f"wrote {path} ({path.stat().st_size} bytes: {counts}, {len(doc['errors'])} errors)")


if __name__ == "__main__":
    main()
