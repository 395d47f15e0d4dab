#!/usr/bin/python3
"""Write tests/golden/pool.json from PyTorch 1.13 (Debian's python3-torch).

Run with /usr/bin/python3 tests/golden/generate_pool.py. The native tests
(tests/native/nn/test_*pool*.cpp) read the committed JSON and never need
PyTorch.

Every case records the arguments the way the C++ functional API receives
them (see native/nn/max_pool.hpp): kernel_size/stride/padding/dilation as an
int (a Python int) or a list (a tuple); stride null is None. For the
adaptive 2-D ops an int output_size is the int overload and a list may hold
null (None). Recorded per case: forward output, indices when returned, the
input gradient for a random upstream gradient, and grad_fn's name chain
(grad_fn, then first next_functions down to the leaf).

Inputs are distinct values (no ties) unless a case is about ties, NaN or
-inf, where PyTorch's choice (the first maximum in row-major window order,
the last NaN) is what is recorded.
"""
import json
import math
import pathlib
import random

import numpy as np
import torch
import torch.nn.functional as F

from torch_json import error_json, tensor_json

OUT = pathlib.Path(__file__).with_name("pool.json")


def tj(t):
    """tensor_json with float32 values written in their shortest float32
    repr (0.1 rather than 0.10000000149011612): same values, a third of the
    bytes."""
    j = tensor_json(t)
    if j["dtype"] == "float32":
        j["values"] = [v if isinstance(v, str) else float(str(np.float32(v))) for v in j["values"]]
    return j


def distinct_input(shape, rng):
    """Distinct values, so a window maximum is never tied: a shuffled grid of
    quarters, or normal samples."""
    n = math.prod(shape)
    if rng.random() < 0.5:
        vals = (torch.randperm(n).float() - n / 2) / 4
    else:
        vals = torch.randn(n)
    return vals.reshape(shape)


def upstream(shape):
    return (torch.randint(-8, 9, shape).float() / 4).reshape(shape)


def chain(t):
    names = []
    f = t.grad_fn
    while f is not None:
        names.append(f.name())
        nxt = [n for n, _ in f.next_functions if n is not None]
        f = nxt[0] if nxt else None
    return names


def as_torch(v):
    """A JSON argument back to what F.* takes (lists become tuples)."""
    return tuple(v) if isinstance(v, list) else v


CALLS = {
    "max_pool2d": lambda x, a: F.max_pool2d(x, as_torch(a["kernel_size"]), as_torch(a["stride"]),
                                            as_torch(a["padding"]), as_torch(a["dilation"]), a["ceil_mode"],
                                            a["return_indices"]),
    "max_pool1d": lambda x, a: F.max_pool1d(x, as_torch(a["kernel_size"]), as_torch(a["stride"]),
                                            as_torch(a["padding"]), as_torch(a["dilation"]), a["ceil_mode"],
                                            a["return_indices"]),
    "avg_pool2d": lambda x, a: F.avg_pool2d(x, as_torch(a["kernel_size"]), as_torch(a["stride"]),
                                            as_torch(a["padding"]), a["ceil_mode"], a["count_include_pad"],
                                            a["divisor_override"]),
    "avg_pool1d": lambda x, a: F.avg_pool1d(x, as_torch(a["kernel_size"]), as_torch(a["stride"]),
                                            as_torch(a["padding"]), a["ceil_mode"], a["count_include_pad"]),
    "adaptive_avg_pool2d": lambda x, a: F.adaptive_avg_pool2d(x, as_torch(a["output_size"])),
    "adaptive_avg_pool1d": lambda x, a: F.adaptive_avg_pool1d(x, as_torch(a["output_size"])),
    "adaptive_max_pool2d": lambda x, a: F.adaptive_max_pool2d(x, as_torch(a["output_size"]), a["return_indices"]),
    "adaptive_max_pool1d": lambda x, a: F.adaptive_max_pool1d(x, as_torch(a["output_size"]), a["return_indices"]),
}


def window_indices_in_range(op, x, args):
    """False when a dilated window lies wholly in the padding: PyTorch then
    returns an index past its plane and its backward writes out of bounds
    (heap corruption), so such configurations get no backward case."""
    if op not in ("max_pool1d", "max_pool2d"):
        return True
    _, idx = CALLS[op](x, dict(args, return_indices=True))
    plane = x.shape[-1] * (x.shape[-2] if op == "max_pool2d" else 1)
    return idx.numel() == 0 or int(idx.max()) < plane


def run_case(op, name, x, args, grad=True):
    """Forward (and backward when grad) of one configuration; None if
    PyTorch rejects it."""
    x = x.detach().clone()
    try:
        if grad and not window_indices_in_range(op, x, args):
            return None
        if grad:
            x.requires_grad_(True)
        res = CALLS[op](x, args)
    except RuntimeError:
        return None
    out, idx = (res if isinstance(res, tuple) else (res, None))
    case = {"name": name, "op": op, "args": args, "requires_grad": grad, "input": tj(x), "output": tj(out)}
    if idx is not None:
        case["indices"] = tj(idx)
    if grad:
        g = upstream(out.shape)
        out.backward(g)
        case["grad_output"] = tj(g)
        case["grad_input"] = tj(x.grad)
        case["grad_fn"] = chain(out)
    return case


def spatial(rng, dims, lo=1, hi=11):
    return [rng.randint(lo, hi) for _ in range(dims)]


def batch_prefix(rng, unbatched_ok=True):
    if unbatched_ok and rng.random() < 0.25:
        return [rng.randint(1, 3)]
    return [rng.randint(1, 2), rng.randint(1, 3)]


def int_or_tuple(rng, values):
    """An int (both dims) or a tuple, for 2-D arguments."""
    if len(values) == 1 or rng.random() < 0.4:
        return values[0]
    return list(values)


def random_max(rng, dims):
    k = [rng.randint(1, 4) for _ in range(dims)]
    if rng.random() < 0.3:
        stride = None
    else:
        stride = int_or_tuple(rng, [rng.randint(1, 4) for _ in range(dims)]) if dims == 2 else rng.randint(1, 4)
    pad = [rng.randint(0, kk // 2) for kk in k]
    dil = [rng.choice([1, 1, 1, 2, 3]) for _ in range(dims)]
    kernel = int_or_tuple(rng, k) if dims == 2 else k[0]
    if isinstance(kernel, int):
        pad = [min(pad[0], kernel // 2)] * dims
        dil = [dil[0]] * dims
    return {
        "kernel_size": kernel,
        "stride": stride,
        "padding": int_or_tuple(rng, pad) if dims == 2 else pad[0],
        "dilation": int_or_tuple(rng, dil) if dims == 2 else dil[0],
        "ceil_mode": rng.random() < 0.5,
        "return_indices": rng.random() < 0.5,
    }


def random_avg(rng, dims):
    k = [rng.randint(1, 4) for _ in range(dims)]
    kernel = int_or_tuple(rng, k) if dims == 2 else k[0]
    ks = [kernel] * dims if isinstance(kernel, int) else kernel
    if rng.random() < 0.3:
        stride = None
    else:
        stride = int_or_tuple(rng, [rng.randint(1, 4) for _ in range(dims)]) if dims == 2 else rng.randint(1, 4)
    pad = [rng.randint(0, kk // 2) for kk in ks]
    args = {
        "kernel_size": kernel,
        "stride": stride,
        "padding": int_or_tuple(rng, pad) if dims == 2 else pad[0],
        "ceil_mode": rng.random() < 0.5,
        "count_include_pad": rng.random() < 0.5,
    }
    if dims == 2:
        args["divisor_override"] = rng.choice([None, None, None, 1, 3, 5, -2])
    return args


def random_cases(op, count, rng, make_args, dims, max_side=11):
    cases = []
    while len(cases) < count:
        shape = batch_prefix(rng) + spatial(rng, dims, 1, max_side)
        x = distinct_input(shape, rng)
        c = run_case(op, f"random {len(cases)}", x, make_args(rng, dims))
        if c is not None:
            cases.append(c)
    return cases


def fixed(op, name, x, args, grad=True):
    c = run_case(op, name, x, args, grad)
    assert c is not None, name
    return c


def max2d(kernel, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=True):
    return {"kernel_size": kernel, "stride": stride, "padding": padding, "dilation": dilation,
            "ceil_mode": ceil_mode, "return_indices": return_indices}


def avg2d(kernel, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None):
    return {"kernel_size": kernel, "stride": stride, "padding": padding, "ceil_mode": ceil_mode,
            "count_include_pad": count_include_pad, "divisor_override": divisor_override}


def avg1d(kernel, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    return {"kernel_size": kernel, "stride": stride, "padding": padding, "ceil_mode": ceil_mode,
            "count_include_pad": count_include_pad}


def max_pool_cases(rng):
    nan, inf = float("nan"), float("inf")
    cases = random_cases("max_pool2d", 30, rng, random_max, 2)
    cases += random_cases("max_pool2d", 6, rng, random_max, 2, max_side=24)
    r = lambda *s: distinct_input(list(s), rng)  # noqa: E731
    cases += [
        fixed("max_pool2d", "k2 s2 (the lesson's MaxPool2d(2)), SIMD rows", r(2, 3, 16, 18), max2d(2)),
        fixed("max_pool2d", "k2 s2 odd sizes", r(2, 2, 9, 11), max2d(2)),
        fixed("max_pool2d", "k2 s2 ceil_mode partial edge windows", r(1, 2, 9, 13), max2d(2, ceil_mode=True)),
        fixed("max_pool2d", "k3 s2 p1 (ResNet stem)", r(2, 2, 15, 17), max2d(3, 2, 1)),
        fixed("max_pool2d", "k3 s2 p1 ceil_mode", r(1, 2, 8, 10), max2d(3, 2, 1, ceil_mode=True)),
        fixed("max_pool2d", "k3 s1 p1 overlapping", r(1, 2, 7, 12), max2d(3, 1, 1)),
        fixed("max_pool2d", "ceil_mode: last window may not start in the right padding",
              r(1, 1, 5, 5), max2d(3, 3, 1, ceil_mode=True)),
        fixed("max_pool2d", "dilation 2 with padding", r(1, 2, 11, 12), max2d((3, 2), (2, 1), (1, 1), (2, 3))),
        fixed("max_pool2d", "unbatched [C,H,W]", r(3, 7, 6), max2d((2, 3), (1, 2), (1, 0))),
        fixed("max_pool2d", "output without indices", r(2, 1, 6, 6), max2d(2, return_indices=False)),
        fixed("max_pool2d", "empty batch", torch.zeros(0, 2, 5, 5), max2d(2)),
        fixed("max_pool2d", "ties: first maximum in row-major window order",
              torch.tensor([[[[1., 1., 0., 2.], [1., 1., 2., 2.], [3., 0., 3., 3.], [0., 3., 3., 3.]]]]), max2d(2)),
        fixed("max_pool2d", "ties: overlapping windows", torch.randint(0, 3, (1, 2, 6, 7)).float(), max2d(3, 1, 1)),
        fixed("max_pool2d", "ties: 0.0 and -0.0, first wins",
              torch.tensor([[[[0., -0., -0., 0.], [-0., 0., 0., -0.]]]]), max2d(2)),
        fixed("max_pool2d", "NaN wins, the last NaN gives the index",
              torch.tensor([[[[nan, 1., 5., nan], [2., nan, nan, 3.], [1., 2., 3., 4.], [nan, 9., 8., 7.]]]]),
              max2d(2)),
        fixed("max_pool2d", "NaN in SIMD rows", torch.where(torch.rand(1, 2, 6, 20) < 0.1,
                                                            torch.tensor(nan), torch.randn(1, 2, 6, 20)),
              max2d(2)),
        fixed("max_pool2d", "-inf values and -inf padding",
              torch.tensor([[[[-inf, -inf, 1.], [-inf, -inf, -inf], [2., -inf, -inf]]]]), max2d(2, 1, 1)),
        fixed("max_pool2d", "inf", torch.tensor([[[[inf, 1., -inf, 0.], [2., 3., 4., inf]]]]), max2d(2)),
    ]
    one = random_cases("max_pool1d", 25, rng, random_max, 1, max_side=20)
    one += [
        fixed("max_pool1d", "k2 s2", r(2, 3, 17), {"kernel_size": 2, "stride": None, "padding": 0, "dilation": 1,
                                                  "ceil_mode": False, "return_indices": True}),
        fixed("max_pool1d", "unbatched [C,L] ceil_mode", r(3, 10), {"kernel_size": 3, "stride": 2, "padding": 1,
                                                                    "dilation": 1, "ceil_mode": True,
                                                                    "return_indices": False}),
        fixed("max_pool1d", "list arguments", r(2, 2, 13), {"kernel_size": [3], "stride": [2], "padding": [1],
                                                            "dilation": [2], "ceil_mode": True,
                                                            "return_indices": True}),
        fixed("max_pool1d", "NaN", torch.tensor([[[nan, 1., nan, 2., 3., nan]]]),
              {"kernel_size": 3, "stride": 1, "padding": 1, "dilation": 1, "ceil_mode": False,
               "return_indices": True}),
    ]
    one.append(fixed("max_pool1d", "a dilated window wholly in the padding: -inf and PyTorch's index past the plane",
                     torch.tensor([[1., 2.]]), {"kernel_size": 2, "stride": 1, "padding": 1, "dilation": 3,
                                                "ceil_mode": False, "return_indices": True}, grad=False))
    # The no-grad 1-D path is separate code in PyTorch (max_pool1d_impl).
    nograd = []
    for i in range(8):
        while True:
            a = random_max(rng, 1)
            a["return_indices"] = False
            c = run_case("max_pool1d", f"no grad {i}", distinct_input(batch_prefix(rng) + spatial(rng, 1, 1, 20), rng),
                         a, grad=False)
            if c is not None:
                nograd.append(c)
                break
    nograd.append(fixed("max_pool1d", "no grad, empty output", r(2, 3, 5),
                        {"kernel_size": 6, "stride": None, "padding": 0, "dilation": 1, "ceil_mode": False,
                         "return_indices": False}, grad=False))
    return cases, one + nograd


def avg_pool_cases(rng):
    r = lambda *s: distinct_input(list(s), rng)  # noqa: E731
    cases = random_cases("avg_pool2d", 30, rng, random_avg, 2)
    cases += random_cases("avg_pool2d", 6, rng, random_avg, 2, max_side=24)
    cases += [
        fixed("avg_pool2d", "k2 s2 (the lesson's AvgPool2d(2)), SIMD rows", r(2, 3, 16, 18), avg2d(2)),
        fixed("avg_pool2d", "k2 s2 ceil_mode edge windows", r(1, 2, 9, 11), avg2d(2, ceil_mode=True)),
        fixed("avg_pool2d", "k3 s2 p1 count_include_pad", r(2, 2, 13, 15), avg2d(3, 2, 1)),
        fixed("avg_pool2d", "k3 s2 p1 exclude pad", r(2, 2, 13, 15), avg2d(3, 2, 1, count_include_pad=False)),
        fixed("avg_pool2d", "ceil_mode overhang beyond the padding is not counted", r(1, 1, 6, 6),
              avg2d(3, 2, 1, ceil_mode=True)),
        fixed("avg_pool2d", "ceil_mode overhang, exclude pad", r(1, 1, 6, 6),
              avg2d(3, 2, 1, ceil_mode=True, count_include_pad=False)),
        fixed("avg_pool2d", "divisor_override", r(1, 2, 7, 8), avg2d((2, 3), (2, 2), (1, 1), divisor_override=7)),
        fixed("avg_pool2d", "divisor_override with ceil_mode", r(1, 2, 7, 8),
              avg2d(2, ceil_mode=True, divisor_override=3)),
        fixed("avg_pool2d", "unbatched [C,H,W]", r(3, 6, 7), avg2d(3, 1, 1)),
        fixed("avg_pool2d", "-0.0 sums to +0.0", torch.tensor([[[[-0., -0.], [-0., -0.]]]]), avg2d(2)),
        fixed("avg_pool2d", "int64 input (truncating division)",
              torch.arange(-20, 20).reshape(1, 2, 4, 5), avg2d(2, 1, 1, count_include_pad=False), grad=False),
        fixed("avg_pool2d", "int64 input, divisor_override",
              torch.arange(-20, 25).reshape(1, 5, 9), avg2d(3, 2, 1, ceil_mode=True, divisor_override=4),
              grad=False),
    ]
    one = random_cases("avg_pool1d", 24, rng, random_avg, 1, max_side=20)
    one += [
        fixed("avg_pool1d", "k2 s2", r(2, 3, 17), avg1d(2)),
        fixed("avg_pool1d", "unbatched, ceil_mode, exclude pad", r(2, 9), avg1d(3, 2, 1, True, False)),
        fixed("avg_pool1d", "list arguments", r(1, 2, 11), avg1d([4], [3], [2], True, True)),
    ]
    return cases, one


def adaptive_cases(rng):
    r = lambda *s: distinct_input(list(s), rng)  # noqa: E731
    avg2, avg1, max2, max1 = [], [], [], []
    while len(avg2) < 30:
        shape = batch_prefix(rng) + spatial(rng, 2, 1, 12)
        choice = rng.random()
        if choice < 0.2:
            size = rng.randint(1, 14)
        else:
            size = [rng.choice([None, rng.randint(1, 14), rng.randint(1, 14)]) for _ in range(2)]
        c = run_case("adaptive_avg_pool2d", f"random {len(avg2)}", distinct_input(shape, rng), {"output_size": size})
        if c is not None:
            avg2.append(c)
    avg2 += [
        fixed("adaptive_avg_pool2d", "(1, 1): a mean (MeanBackward1)", r(2, 3, 9, 7), {"output_size": [1, 1]}),
        fixed("adaptive_avg_pool2d", "1: a mean", r(3, 5, 6), {"output_size": 1}),
        fixed("adaptive_avg_pool2d", "(1, 1) of a 2-D input", r(5, 4), {"output_size": 1}),
        fixed("adaptive_avg_pool2d", "(1, 1) of a 5-D input", r(1, 2, 2, 3, 4), {"output_size": [1, 1]}),
        fixed("adaptive_avg_pool2d", "(7, 7) of 56x56 (the lesson's)", r(1, 2, 56, 56), {"output_size": [7, 7]}),
        fixed("adaptive_avg_pool2d", "(7, 7) of 16x16: overlapping windows", r(1, 2, 16, 16), {"output_size": 7}),
        fixed("adaptive_avg_pool2d", "larger than the input", r(1, 2, 3, 5), {"output_size": [7, 8]}),
        fixed("adaptive_avg_pool2d", "None keeps the input's size", r(2, 2, 6, 9), {"output_size": [None, 4]}),
        fixed("adaptive_avg_pool2d", "(None, None)", r(1, 2, 3, 4), {"output_size": [None, None]}),
        fixed("adaptive_avg_pool2d", "zero output size", r(1, 2, 3, 4), {"output_size": [0, 2]}, grad=False),
    ]
    while len(avg1) < 22:
        shape = batch_prefix(rng) + spatial(rng, 1, 1, 20)
        c = run_case("adaptive_avg_pool1d", f"random {len(avg1)}", distinct_input(shape, rng),
                     {"output_size": rng.randint(1, 24)})
        if c is not None:
            avg1.append(c)
    avg1 += [
        fixed("adaptive_avg_pool1d", "output 1 (a mean inside)", r(2, 3, 10), {"output_size": 1}),
        fixed("adaptive_avg_pool1d", "list output_size", r(3, 10), {"output_size": [4]}),
    ]
    while len(max2) < 30:
        shape = batch_prefix(rng) + spatial(rng, 2, 1, 12)
        size = rng.randint(1, 14) if rng.random() < 0.2 else \
            [rng.choice([None, rng.randint(1, 14), rng.randint(1, 14)]) for _ in range(2)]
        c = run_case("adaptive_max_pool2d", f"random {len(max2)}", distinct_input(shape, rng),
                     {"output_size": size, "return_indices": rng.random() < 0.5})
        if c is not None:
            max2.append(c)
    nan = float("nan")
    max2 += [
        fixed("adaptive_max_pool2d", "ties", torch.randint(0, 3, (1, 2, 7, 8)).float(),
              {"output_size": [3, 5], "return_indices": True}),
        fixed("adaptive_max_pool2d", "NaN", torch.tensor([[[nan, 1., 2.], [3., nan, 4.], [5., 6., 7.]]]),
              {"output_size": 2, "return_indices": True}),
        fixed("adaptive_max_pool2d", "None", r(1, 2, 5, 6), {"output_size": [2, None], "return_indices": True}),
    ]
    while len(max1) < 22:
        shape = batch_prefix(rng) + spatial(rng, 1, 1, 20)
        c = run_case("adaptive_max_pool1d", f"random {len(max1)}", distinct_input(shape, rng),
                     {"output_size": rng.randint(1, 24), "return_indices": rng.random() < 0.5})
        if c is not None:
            max1.append(c)
    return avg2, avg1, max2, max1


def error_case(op, shape, args, dtype="float32", requires_grad=False, no_grad=False):
    def run():
        x = torch.zeros(shape, dtype={"float32": torch.float32, "int64": torch.int64, "bool": torch.bool}[dtype])
        if requires_grad:
            x.requires_grad_(True)
        if no_grad:
            with torch.no_grad():
                return CALLS[op](x, args)
        return CALLS[op](x, args)

    e = error_json(run)
    return {"op": op, "shape": shape, "dtype": dtype, "requires_grad": requires_grad, "no_grad": no_grad,
            "args": args, **e}


def mx(kernel, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    return max2d(kernel, stride, padding, dilation, ceil_mode, return_indices)


def error_cases():
    E = error_case
    m1 = lambda k, s=None, p=0, d=1, ceil=False, ri=False: {  # noqa: E731
        "kernel_size": k, "stride": s, "padding": p, "dilation": d, "ceil_mode": ceil, "return_indices": ri}
    return [
        # max_pool2d
        E("max_pool2d", [2, 3, 5, 5], mx(3, padding=2)),
        E("max_pool2d", [2, 3, 5, 5], mx(3, stride=0)),
        E("max_pool2d", [2, 3, 5, 5], mx(0)),
        E("max_pool2d", [2, 3, 5, 5], mx([2, 0], stride=1)),
        E("max_pool2d", [2, 3, 5, 5], mx([2, -1], stride=1)),
        E("max_pool2d", [2, 3, 5, 5], mx(3, stride=-1)),
        E("max_pool2d", [2, 3, 5, 5], mx(3, dilation=0)),
        E("max_pool2d", [2, 3, 5, 5], mx(3, padding=-1)),
        E("max_pool2d", [2, 3, 5, 5], mx(7)),
        E("max_pool2d", [3, 2, 2], mx(3)),
        E("max_pool2d", [1, 3, 2, 2], mx(2, dilation=2)),
        E("max_pool2d", [5, 5], mx(3)),
        E("max_pool2d", [1, 1, 1, 5, 5], mx(3)),
        E("max_pool2d", [2, 0, 5, 5], mx(3)),
        E("max_pool2d", [0, 5, 5], mx(3)),
        E("max_pool2d", [2, 5, 0], mx(3)),
        E("max_pool2d", [2, 3, 5, 5], mx([3, 3, 3])),
        E("max_pool2d", [2, 3, 5, 5], mx([]), ),
        E("max_pool2d", [2, 3, 5, 5], mx(3, stride=[1, 1, 1])),
        E("max_pool2d", [2, 3, 5, 5], mx([2, 3], padding=[])),
        E("max_pool2d", [2, 3, 5, 5], mx([2, 3], dilation=[1, 1, 1])),
        E("max_pool2d", [2, 3, 5, 5], mx(2 ** 31)),
        E("max_pool2d", [2, 3, 5, 5], mx(3), dtype="int64"),
        E("max_pool2d", [2, 3, 5, 5], mx(3, return_indices=True), dtype="bool"),
        E("max_pool2d", [2, 3, 5, 5], mx([1, 5], padding=[1, 0])),
        # max_pool1d: the grad path (the 2-D op's checks) ...
        E("max_pool1d", [2, 3, 5], m1(3, p=2), requires_grad=True),
        E("max_pool1d", [2, 3, 5], m1(3, s=0), requires_grad=True),
        E("max_pool1d", [2, 3, 5], m1(0, s=1), requires_grad=True),
        E("max_pool1d", [2, 3, 5], m1(3, d=0), requires_grad=True),
        E("max_pool1d", [2, 3, 5], m1(3, p=-1), requires_grad=True),
        E("max_pool1d", [2, 3, 5], m1(7), requires_grad=True),
        E("max_pool1d", [2, 3, 5], m1([3, 3]), requires_grad=True),
        E("max_pool1d", [2, 3, 5], m1(3, s=[1, 1]), requires_grad=True),
        E("max_pool1d", [5], m1(3), requires_grad=True),
        E("max_pool1d", [2, 0, 5], m1(3), requires_grad=True),
        # ... the no-grad path (max_pool1d_impl's checks) ...
        E("max_pool1d", [2, 3, 5], m1(3, p=2)),
        E("max_pool1d", [2, 3, 5], m1(3, s=0)),
        E("max_pool1d", [2, 3, 5], m1(0)),
        E("max_pool1d", [2, 3, 5], m1(-1, s=1)),
        E("max_pool1d", [2, 3, 5], m1(3, d=0)),
        E("max_pool1d", [2, 3, 5], m1(3, p=-1)),
        E("max_pool1d", [2, 3, 5], m1(3, d=4)),
        E("max_pool1d", [1, 1, 1], m1(3, d=2)),
        E("max_pool1d", [2, 3, 5], m1([3, 3])),
        E("max_pool1d", [2, 3, 5], m1(3, s=[1, 1])),
        E("max_pool1d", [2, 3, 5], m1(3, p=[1, 1])),
        E("max_pool1d", [2, 3, 5], m1(3, d=[1, 1])),
        E("max_pool1d", [5], m1(3)),
        E("max_pool1d", [0, 5], m1(3)),
        E("max_pool1d", [2, 0], m1(1)),
        E("max_pool1d", [1, 2, 3, 5], m1(3)),
        E("max_pool1d", [2, 3, 5], m1(3), dtype="int64"),
        E("max_pool1d", [2, 3, 5], m1(3), dtype="bool"),
        E("max_pool1d", [2, 3, 5], m1(3, p=2), requires_grad=True, no_grad=True),
        # ... and return_indices=True (torch.max_pool1d_with_indices).
        E("max_pool1d", [2, 3, 5], m1([3, 3], ri=True)),
        E("max_pool1d", [2, 3, 5], m1(3, p=[1, 1], ri=True)),
        E("max_pool1d", [2, 3, 5], m1(3, d=[1, 1], ri=True)),
        E("max_pool1d", [1, 2, 3, 5], m1(3, ri=True)),
        E("max_pool1d", [5], m1(3, ri=True)),
        E("max_pool1d", [2, 3, 5], m1(7, ri=True)),
        E("max_pool1d", [2, 0, 5], m1(3, ri=True)),
        E("max_pool1d", [2, 3, 5], m1(3, ri=True), dtype="int64"),
        # avg_pool2d
        E("avg_pool2d", [2, 3, 5, 5], avg2d(3, padding=2)),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(3, stride=0)),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(0)),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(0, stride=1)),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(3, stride=-1)),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(3, padding=-1)),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(3, padding=[0, 2])),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(7)),
        E("avg_pool2d", [3, 2, 2], avg2d(3)),
        E("avg_pool2d", [5, 5], avg2d(3)),
        E("avg_pool2d", [3], avg2d(3)),
        E("avg_pool2d", [], avg2d(3)),
        E("avg_pool2d", [1, 1, 1, 5, 5], avg2d(3)),
        E("avg_pool2d", [2, 0, 5, 5], avg2d(3)),
        E("avg_pool2d", [0, 5, 5], avg2d(1)),
        E("avg_pool2d", [2, 5, 0], avg2d(3)),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(3, divisor_override=0)),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(3), dtype="bool"),
        E("avg_pool2d", [2, 3, 5, 5], avg2d([3, 3, 3])),
        E("avg_pool2d", [2, 3, 5, 5], avg2d([])),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(3, stride=[1, 1, 1])),
        E("avg_pool2d", [2, 3, 5, 5], avg2d(3, padding=[1, 1, 1])),
        E("avg_pool2d", [1, 1, 5, 5], avg2d(2 ** 31)),
        E("avg_pool2d", [1, 1, 5, 5], avg2d(2, stride=2 ** 33)),
        # avg_pool1d
        E("avg_pool1d", [2, 3, 5], avg1d(3, padding=2)),
        E("avg_pool1d", [2, 3, 5], avg1d(3, stride=0)),
        E("avg_pool1d", [2, 3, 5], avg1d(0)),
        E("avg_pool1d", [2, 3, 5], avg1d(3, padding=-1)),
        E("avg_pool1d", [2, 3, 5], avg1d(7)),
        E("avg_pool1d", [5], avg1d(3)),
        E("avg_pool1d", [], avg1d(3)),
        E("avg_pool1d", [1, 1, 1, 5], avg1d(3)),
        E("avg_pool1d", [2, 0, 5], avg1d(3)),
        E("avg_pool1d", [2, 0], avg1d(1)),
        E("avg_pool1d", [2, 3, 5], avg1d([3, 3])),
        E("avg_pool1d", [2, 3, 5], avg1d(3, stride=[1, 1])),
        E("avg_pool1d", [2, 3, 5], avg1d(3, padding=[1, 1])),
        E("avg_pool1d", [2, 3, 5], avg1d(3), dtype="bool"),
        # adaptive_avg_pool2d
        E("adaptive_avg_pool2d", [2, 3, 5, 5], {"output_size": [-1, 2]}),
        E("adaptive_avg_pool2d", [2, 3, 5, 5], {"output_size": -1}),
        E("adaptive_avg_pool2d", [2, 3, 5, 5], {"output_size": [2, 2, 2]}),
        E("adaptive_avg_pool2d", [3, 5, 5], {"output_size": [2, 2, 2]}),
        E("adaptive_avg_pool2d", [2, 3, 5, 5], {"output_size": [2]}),
        E("adaptive_avg_pool2d", [5, 5], {"output_size": 2}),
        E("adaptive_avg_pool2d", [5, 5], {"output_size": [1, 1]}),
        E("adaptive_avg_pool2d", [5], {"output_size": 1}),
        E("adaptive_avg_pool2d", [], {"output_size": 1}),
        E("adaptive_avg_pool2d", [1, 1, 1, 5, 5], {"output_size": 2}),
        E("adaptive_avg_pool2d", [0, 5], {"output_size": 2}),
        E("adaptive_avg_pool2d", [3, 0, 5], {"output_size": [2, 2]}),
        E("adaptive_avg_pool2d", [2, 3, 0, 5], {"output_size": [2, 2]}),
        E("adaptive_avg_pool2d", [2, 5, 0], {"output_size": 2}),
        E("adaptive_avg_pool2d", [2, 3, 5, 5], {"output_size": 2}, dtype="int64"),
        E("adaptive_avg_pool2d", [2, 3, 5, 5], {"output_size": 1}, dtype="int64"),
        E("adaptive_avg_pool2d", [3, 4], {"output_size": 1}, dtype="bool"),
        # adaptive_avg_pool1d
        E("adaptive_avg_pool1d", [2, 3, 5], {"output_size": -1}),
        E("adaptive_avg_pool1d", [2, 3, 5], {"output_size": [2, 2]}),
        E("adaptive_avg_pool1d", [5], {"output_size": 2}),
        E("adaptive_avg_pool1d", [2, 3, 5, 5], {"output_size": 2}),
        E("adaptive_avg_pool1d", [2, 3, 0], {"output_size": 2}),
        E("adaptive_avg_pool1d", [2, 3, 5], {"output_size": 2}, dtype="int64"),
        # adaptive_max_pool2d
        E("adaptive_max_pool2d", [2, 3, 5, 5], {"output_size": [-1, 2], "return_indices": False}),
        E("adaptive_max_pool2d", [3, 5, 5], {"output_size": [-1, -2], "return_indices": True}),
        E("adaptive_max_pool2d", [2, 3, 5, 5], {"output_size": [2, 2, 2], "return_indices": False}),
        E("adaptive_max_pool2d", [2, 3, 5, 5], {"output_size": [2], "return_indices": False}),
        E("adaptive_max_pool2d", [5, 5], {"output_size": 2, "return_indices": False}),
        E("adaptive_max_pool2d", [3, 4], {"output_size": [1, 1], "return_indices": False}),
        E("adaptive_max_pool2d", [1, 1, 1, 5, 5], {"output_size": 2, "return_indices": False}),
        E("adaptive_max_pool2d", [0, 5], {"output_size": 2, "return_indices": False}),
        E("adaptive_max_pool2d", [2, 0, 5, 5], {"output_size": 2, "return_indices": False}),
        E("adaptive_max_pool2d", [3, 0, 5], {"output_size": 2, "return_indices": True}),
        E("adaptive_max_pool2d", [2, 3, 5, 5], {"output_size": 2, "return_indices": False}, dtype="int64"),
        # adaptive_max_pool1d
        E("adaptive_max_pool1d", [2, 3, 5], {"output_size": -1, "return_indices": False}),
        E("adaptive_max_pool1d", [2, 3, 5], {"output_size": [2, 2], "return_indices": False}),
        E("adaptive_max_pool1d", [5], {"output_size": 2, "return_indices": False}),
        E("adaptive_max_pool1d", [2, 3, 5, 5], {"output_size": 2, "return_indices": True}),
        E("adaptive_max_pool1d", [2, 0, 5], {"output_size": 2, "return_indices": False}),
        E("adaptive_max_pool1d", [2, 3, 0], {"output_size": 2, "return_indices": False}),
        E("adaptive_max_pool1d", [2, 3, 5], {"output_size": 2, "return_indices": False}, dtype="int64"),
    ]


def inplace_cases():
    """A saved input changed in place before backward: PyTorch's version
    check text (the input is a leaf changed under no_grad)."""
    out = []
    for op, args in [("max_pool2d", mx(2)), ("avg_pool2d", avg2d(2)),
                     ("adaptive_avg_pool2d", {"output_size": 2}), ("adaptive_avg_pool2d", {"output_size": 1}),
                     ("adaptive_max_pool2d", {"output_size": 2, "return_indices": False})]:
        x = torch.randn(1, 2, 4, 4, requires_grad=True)
        y = CALLS[op](x, args)

        def run():
            with torch.no_grad():
                x.add_(1)
            y.sum().backward()

        out.append({"op": op, "shape": [1, 2, 4, 4], "args": args, **error_json(run)})
    return out


def backward_error_cases():
    """Errors raised by backward itself: a zero-size adaptive output."""
    out = []
    for op, shape, args in [("adaptive_avg_pool2d", [1, 2, 3, 4], {"output_size": [0, 2]}),
                            ("adaptive_avg_pool2d", [2, 3, 4], {"output_size": [2, 0]}),
                            ("adaptive_max_pool2d", [1, 2, 3, 4], {"output_size": [0, 2], "return_indices": False})]:
        x = torch.randn(shape, requires_grad=True)
        y = CALLS[op](x, args)
        out.append({"op": op, "shape": shape, "args": args,
                    **error_json(lambda: y.backward(torch.ones_like(y)))})
    return out


def main():
    torch.manual_seed(0)
    rng = random.Random(1234)
    max2, max1 = max_pool_cases(rng)
    avg2, avg1 = avg_pool_cases(rng)
    aavg2, aavg1, amax2, amax1 = adaptive_cases(rng)
    doc = {
        "max_pool2d": max2,
        "max_pool1d": max1,
        "avg_pool2d": avg2,
        "avg_pool1d": avg1,
        "adaptive_avg_pool2d": aavg2,
        "adaptive_avg_pool1d": aavg1,
        "adaptive_max_pool2d": amax2,
        "adaptive_max_pool1d": amax1,
        "errors": error_cases(),
        "inplace": inplace_cases(),
        "backward_errors": backward_error_cases(),
    }
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    sizes = ", ".join(f"{k}: {len(v)}" for k, v in doc.items())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes; {sizes})")


if __name__ == "__main__":
    main()
