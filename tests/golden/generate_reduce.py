#!/usr/bin/python3
"""Write tests/golden/reduce.json from PyTorch (Debian's python3-torch, 1.13).

Run with /usr/bin/python3 tests/golden/generate_reduce.py. Covers sum, mean,
prod, var, std, max, min, argmax, argmin, all, any, norm and cumsum over
random shapes (0-d, empty and size-1 dims, non-contiguous layouts, inf and
nan), PyTorch's error texts for bad input, and a few large inputs whose
float32 error is compared with PyTorch's own. The tests read the committed
JSON and never need PyTorch.
"""
import json
import math
import pathlib
import random

import torch

from torch_json import error_json, tensor_json

R = random.Random(1913)
INF = float("inf")
NAN = float("nan")

# --- inputs ---------------------------------------------------------------


def random_shape(max_numel=96):
    while True:
        nd = R.choice([0, 1, 1, 2, 2, 2, 3, 3, 4, 5])
        shape = [R.choice([0, 1]) if R.random() < 0.12 else R.randint(1, 5) for _ in range(nd)]
        if math.prod(shape) <= max_numel:
            return shape


def random_input(shape, dtype, special=False):
    if dtype == torch.float32:
        x = torch.randn(shape)
        if special and x.numel() > 0:
            flat = x.view(-1)
            for _ in range(R.randint(1, 3)):
                flat[R.randrange(flat.numel())] = R.choice([INF, -INF, NAN])
        return x
    if dtype == torch.int64:
        return torch.randint(-4, 5, shape)
    return torch.rand(shape) < R.choice([0.3, 0.5, 0.9])


def with_layout(x, layout):
    """The same values in another memory layout; the C++ test rebuilds it
    with Tensor::as_strided (tests/native/tensor/test_reduce.cpp)."""
    if layout == "transposed":  # dims stored in reverse order
        rev = list(range(x.dim()))[::-1]
        return x.permute(rev).contiguous().permute(rev)
    if layout == "strided":  # every other element of a buffer twice as long
        if x.dim() == 0:
            return x
        base = torch.zeros(list(x.shape[:-1]) + [2 * x.shape[-1]], dtype=x.dtype)
        base[..., ::2] = x
        return base[..., ::2]
    return x


def random_dims(nd, allow_list=True):
    """None, an int, or a list of distinct dims (negative at random)."""
    n = max(nd, 1)
    kind = R.choice(["none", "int", "int", "list"] if allow_list else ["none", "int", "int"])
    if kind == "none":
        return None
    if kind == "int":
        d = R.randrange(n)
        return d - n if R.random() < 0.3 else d
    k = R.randint(0, min(n, 3)) if nd > 0 else R.randint(0, 1)
    dims = R.sample(range(n), k)
    return [d - n if R.random() < 0.3 else d for d in dims]


# --- calling PyTorch ------------------------------------------------------


def call(op, x, args):
    """Runs torch.<op> with the case's args; returns the result."""
    dim, keepdim = args.get("dim"), args.get("keepdim", False)
    if op in ("sum", "mean"):
        if dim is None:
            return getattr(torch, op)(x)
        return getattr(torch, op)(x, dim if isinstance(dim, int) else tuple(dim), keepdim=keepdim)
    if op in ("prod", "all", "any"):
        return getattr(torch, op)(x) if dim is None else getattr(torch, op)(x, dim, keepdim=keepdim)
    if op in ("var", "std"):
        f = getattr(torch, op)
        d = None if dim is None else (dim if isinstance(dim, int) else tuple(dim))
        if "unbiased" in args:
            return f(x, unbiased=args["unbiased"]) if d is None else f(x, d, unbiased=args["unbiased"], keepdim=keepdim)
        return f(x, d, correction=args["correction"], keepdim=keepdim)
    if op in ("max", "min"):
        return getattr(torch, op)(x) if dim is None else getattr(torch, op)(x, dim, keepdim=keepdim)
    if op in ("argmax", "argmin"):
        return getattr(torch, op)(x, dim, keepdim=keepdim)
    if op == "norm":
        kwargs = {"keepdim": keepdim}
        if dim is not None:
            kwargs["dim"] = dim if isinstance(dim, int) else tuple(dim)
        if "p" in args:
            p = args["p"]
            kwargs["p"] = p if isinstance(p, str) and p not in ("inf", "-inf") else float(p)
        return torch.norm(x, **kwargs)
    if op == "cumsum":
        return torch.cumsum(x, dim)
    raise ValueError(op)


def args_json(args):
    out = dict(args)
    if "p" in out and isinstance(out["p"], float) and math.isinf(out["p"]):
        out["p"] = "inf" if out["p"] > 0 else "-inf"
    return out


def case(op, x, args, layout="contiguous", name=None):
    xin = with_layout(x, layout)
    y = call(op, xin, args)
    c = {
        "name": name or f"{op} {list(x.shape)} {str(x.dtype)[6:]} {args_json(args)} {layout}",
        "op": op,
        "input": tensor_json(x),
        "layout": layout,
        "args": args_json(args),
    }
    if isinstance(y, tuple):  # torch.return_types.max / min
        c["expected"] = {"values": tensor_json(y.values), "indices": tensor_json(y.indices)}
        c["repr"] = repr(y)  # for the formatting layer
    else:
        c["expected"] = tensor_json(y)
    return c


def error_case(op, x, args, name):
    e = error_json(lambda: call(op, x, args))
    return {"name": name, "op": op, "input": tensor_json(x), "layout": "contiguous",
            "args": args_json(args), **e}


# --- cases ----------------------------------------------------------------

FLOAT, LONG, BOOL = torch.float32, torch.int64, torch.bool
LAYOUTS = ["contiguous", "contiguous", "transposed", "strided"]


def random_cases():
    cases = []
    plans = [  # op, dtypes it accepts, how many cases
        ("sum", [FLOAT, LONG, BOOL], 24),
        ("mean", [FLOAT], 16),
        ("prod", [FLOAT, LONG, BOOL], 12),
        ("var", [FLOAT], 16),
        ("std", [FLOAT], 10),
        ("max", [FLOAT, LONG, BOOL], 14),
        ("min", [FLOAT, LONG, BOOL], 12),
        ("argmax", [FLOAT, LONG], 12),
        ("argmin", [FLOAT, LONG], 10),
        ("all", [FLOAT, LONG, BOOL], 10),
        ("any", [FLOAT, LONG, BOOL], 10),
        ("norm", [FLOAT], 22),
        ("cumsum", [FLOAT, LONG, BOOL], 14),
    ]
    for op, dtypes, count in plans:
        made = 0
        while made < count:
            dtype = R.choice(dtypes)
            shape = random_shape(48 if op == "prod" else 96)
            x = random_input(shape, dtype, special=R.random() < 0.2)
            if op == "prod" and dtype == FLOAT:
                x = x.clamp(-2, 2)
            args = {"keepdim": R.random() < 0.4}
            single = op in ("prod", "max", "min", "argmax", "argmin", "all", "any", "cumsum")
            args["dim"] = random_dims(len(shape), allow_list=not single)
            if op == "cumsum":
                args = {"dim": R.randrange(max(len(shape), 1))}
            if op in ("var", "std"):
                if R.random() < 0.5:
                    args["unbiased"] = R.random() < 0.6
                else:
                    args["correction"] = R.choice([0, 1, 2, 3])
            if op == "norm":
                args["p"] = R.choice([2.0, 2.0, 1.0, INF, -INF, 0.0, 3.0, 0.5, -1.0, "fro", None])
                if args["p"] is None:
                    del args["p"]
                if args.get("p", "fro") == "fro" and isinstance(args["dim"], list) and len(args["dim"]) > 2:
                    args["dim"] = args["dim"][:2]
            empty = x.numel() == 0
            if op in ("max", "min", "argmax", "argmin"):
                if empty and (args["dim"] is None or x.shape[args["dim"]] == 0):
                    continue  # those are error cases, below
            # Without a dim these forms take no keepdim (argmax, norm and
            # var with correction= do).
            plain = op in ("sum", "mean", "prod", "all", "any", "max", "min")
            if args.get("dim") is None and (plain or "unbiased" in args):
                args.pop("keepdim", None)
            layout = R.choice(LAYOUTS) if x.dim() >= 2 else "contiguous"
            cases.append(case(op, x, args, layout))
            made += 1
    return cases


def medium_cases():
    """Rows and columns long enough for the SIMD blocks and their flushes."""
    cases = []
    specs = [
        ("sum", [3, 70, 9], {"dim": 1, "keepdim": False}, "contiguous"),
        ("sum", [40, 37], {"dim": 0, "keepdim": True}, "transposed"),
        ("sum", [5, 6, 70], {"dim": [0, 2], "keepdim": False}, "contiguous"),
        ("mean", [2, 33, 35], {"dim": [1, 2], "keepdim": False}, "strided"),
        ("mean", [66, 20], {"dim": 0, "keepdim": False}, "contiguous"),
        ("var", [2, 80, 13], {"dim": 1, "unbiased": True}, "contiguous"),
        ("var", [100, 17], {"dim": -1, "correction": 0}, "transposed"),
        ("std", [9, 200], {"dim": [0, 1], "correction": 1}, "strided"),
        ("norm", [70, 21], {"p": 2.0, "dim": 0}, "contiguous"),
        ("norm", [21, 70], {"p": 1.0, "dim": 1}, "transposed"),
        ("max", [3, 50, 12], {"dim": 1, "keepdim": True}, "contiguous"),
        ("argmin", [64, 30], {"dim": None, "keepdim": False}, "strided"),
        ("min", [2000], {}, "contiguous"),
        ("cumsum", [7, 60, 5], {"dim": 1}, "contiguous"),
        ("prod", [30, 40], {"dim": 0, "keepdim": False}, "contiguous"),
        ("all", [40, 30], {"dim": 1, "keepdim": False}, "transposed"),
        # Two blocks of reduced dims, the first leading: read in place as
        # [batch, outer, reduce, inner] (rows, then columns).
        ("mean", [4, 3, 5, 6], {"dim": [0, 2, 3], "keepdim": True}, "contiguous"),
        ("var", [4, 3, 5, 6], {"dim": [0, -2], "correction": 1, "keepdim": False}, "contiguous"),
        ("sum", [3, 4, 40, 6], {"dim": [0, 1, 3], "keepdim": False}, "contiguous"),
        ("norm", [3, 4, 5, 6], {"p": INF, "dim": [0, 2], "keepdim": False}, "contiguous"),
        ("norm", [3, 4, 5, 6], {"p": 1.0, "dim": [0, 1, 3], "keepdim": False}, "contiguous"),
        ("std", [2, 3, 70], {"dim": [0, 2], "unbiased": False, "keepdim": True}, "contiguous"),
    ]
    for op, shape, args, layout in specs:
        x = torch.randn(shape)
        if op == "sum" and len(shape) == 4:
            x = torch.randint(-9, 10, shape)
        if op == "prod":
            x = 1.0 + 0.05 * x
        if op == "all":
            x = (x > -2.5).to(torch.int64)
        cases.append(case(op, x, args, layout))
    return cases


def fixed_cases():
    t = torch.tensor
    c = []
    x = t([[1.0, NAN, 3.0], [NAN, 2.0, NAN]])
    c.append(case("max", x, {"dim": 1, "keepdim": False}, name="max picks the first nan along dim 1"))
    c.append(case("min", x, {"dim": 0, "keepdim": False}, name="min picks nan along dim 0"))
    c.append(case("argmax", x, {"dim": 1, "keepdim": False}, name="argmax points at the first nan"))
    c.append(case("argmin", t([1.0, INF, NAN, NAN]), {"dim": None, "keepdim": False}, name="argmin of whole tensor with nans"))
    c.append(case("max", t([1.0, INF, NAN]), {}, name="max of whole tensor with nan is nan"))
    c.append(case("min", t([-INF, 2.0]), {}, name="min of whole tensor with -inf"))
    c.append(case("max", t([[5, 3], [5, 9]]), {"dim": 0, "keepdim": False}, name="max ties pick the first index"))
    c.append(case("argmax", t([[1, 5, 5], [7, 7, 2]]), {"dim": 1, "keepdim": False}, name="argmax ties pick the first index"))
    c.append(case("argmax", t([[1, 5, 5], [7, 7, 2]]), {"dim": None, "keepdim": True}, name="argmax without dim, keepdim gives [[i]]"))
    c.append(case("max", t([True, False]), {"dim": 0, "keepdim": False}, name="max of bool along dim"))
    c.append(case("max", t(5.0), {"dim": 0, "keepdim": True}, name="max of 0-d along dim 0"))
    c.append(case("sum", t([1.0, INF, -INF]), {"dim": None}, name="sum of inf and -inf is nan"))
    c.append(case("sum", t([2 ** 62, 2 ** 62]), {"dim": None}, name="int64 sum wraps"))
    c.append(case("prod", t([2 ** 62, 4]), {"dim": None}, name="int64 prod wraps"))
    c.append(case("sum", torch.ones(2, 3), {"dim": [], "keepdim": False}, name="sum over () reduces everything"))
    c.append(case("mean", torch.ones(2, 3), {"dim": [], "keepdim": True}, name="mean over () with keepdim"))
    c.append(case("sum", torch.empty(0, 3), {"dim": 0, "keepdim": False}, name="sum over an empty dim is 0"))
    c.append(case("mean", torch.empty(0, 3), {"dim": 0, "keepdim": False}, name="mean over an empty dim is nan"))
    c.append(case("mean", torch.empty(0), {"dim": None}, name="mean of nothing is nan"))
    c.append(case("prod", torch.empty(0, 3), {"dim": 0, "keepdim": False}, name="prod over an empty dim is 1"))
    c.append(case("sum", torch.empty(0, dtype=LONG), {"dim": None}, name="int64 sum of nothing"))
    c.append(case("all", torch.empty(0, 3), {"dim": 0, "keepdim": False}, name="all over an empty dim is True"))
    c.append(case("any", torch.empty(0, 3), {"dim": None}, name="any of nothing is False"))
    c.append(case("var", t(3.0), {"dim": None, "unbiased": True}, name="var of one element is nan"))
    c.append(case("var", t(3.0), {"dim": None, "unbiased": False}, name="biased var of one element is 0"))
    c.append(case("std", t([3.0]), {"dim": None, "unbiased": True}, name="std of one element is nan"))
    c.append(case("var", torch.empty(0, 3), {"dim": 0, "correction": 1}, name="var over an empty dim is nan"))
    c.append(case("var", t([[1.0, 2.0, 4.0], [3.0, -2.0, 0.5]]), {"dim": 1, "correction": 4}, name="var with correction above N is inf"))
    c.append(case("var", t([[1.0, 2.0, 4.0], [3.0, -2.0, 0.5]]), {"dim": 1, "correction": -1}, name="var with negative correction"))
    c.append(case("var", torch.ones(2, 3), {"dim": 0, "correction": 2}, name="constant var with correction N is 0/0"))
    c.append(case("var", torch.full((7,), 0.1), {"dim": None, "unbiased": True}, name="var of a constant is exactly 0"))
    c.append(case("std", t([INF, 2.0]), {"dim": None, "unbiased": True}, name="std with inf is nan"))
    c.append(case("norm", t([1e30, 1e30]), {"p": 2.0}, name="2-norm overflows in float as PyTorch's does"))
    c.append(case("norm", t([1e-30, 1e-30]), {"p": 2.0}, name="2-norm underflows in float as PyTorch's does"))
    c.append(case("norm", t([1e20, 1e20]), {"p": 3.0}, name="3-norm overflows"))
    c.append(case("norm", t([INF, NAN]), {"p": INF}, name="inf-norm with nan is nan"))
    c.append(case("norm", t([0.0, 1.0]), {"p": -1.0}, name="negative p with a zero is 0"))
    c.append(case("norm", torch.empty(0, 3), {"p": INF}, name="inf-norm of nothing is 0"))
    c.append(case("norm", torch.empty(0, 3), {"p": -INF, "dim": 0}, name="-inf-norm over an empty dim is 0"))
    c.append(case("norm", torch.empty(0), {"p": -2.0}, name="negative p norm of nothing is 0"))
    c.append(case("norm", torch.arange(8.0).reshape(2, 2, 2), {"dim": [1, 2]}, name="fro over two dims"))
    c.append(case("norm", torch.arange(8.0).reshape(2, 2, 2), {"p": 2.0, "dim": [0, 1, 2], "keepdim": True}, name="2-norm over three dims"))
    c.append(case("norm", t(-3.0), {"p": 1.0, "dim": 0, "keepdim": True}, name="1-norm of 0-d"))
    c.append(case("cumsum", t([1.0, INF, -INF]), {"dim": 0}, name="cumsum through inf"))
    c.append(case("cumsum", t(True), {"dim": 0}, name="cumsum of 0-d bool is int64"))
    c.append(case("cumsum", torch.empty(2, 0), {"dim": 1}, name="cumsum over an empty dim"))
    c.append(case("all", t([1.0, INF, NAN]), {"dim": None}, name="all counts nan as true"))
    c.append(case("any", t([0.0, NAN]), {"dim": None}, name="any counts nan as true"))
    return c


def error_cases():
    t = torch.tensor
    x23 = torch.randn(2, 3)
    L = torch.ones(2, 3, dtype=LONG)
    B = torch.ones(2, 3, dtype=BOOL)
    e = [
        error_case("max", torch.empty(0), {}, "max of an empty tensor"),
        error_case("min", torch.empty(0, 3), {}, "min of an empty tensor"),
        error_case("max", torch.empty(0, 3), {"dim": 0}, "max over an empty dim"),
        error_case("min", torch.empty(3, 0), {"dim": -1}, "min over an empty negative dim"),
        error_case("argmax", torch.empty(0), {"dim": None}, "argmax of an empty tensor"),
        error_case("argmin", torch.empty(0, 3, dtype=LONG), {"dim": None}, "argmin of an empty tensor"),
        error_case("argmax", torch.empty(0, 3), {"dim": 0}, "argmax over an empty dim"),
        error_case("argmax", B, {"dim": 1}, "argmax of bool"),
        error_case("argmin", B, {"dim": None}, "argmin of bool"),
        error_case("argmax", B, {"dim": 5}, "argmax of bool, dim out of range first"),
        error_case("mean", torch.arange(5), {"dim": None}, "mean of int64"),
        error_case("mean", t([True]), {"dim": None}, "mean of bool"),
        error_case("mean", L, {"dim": 5}, "mean of int64 checks dtype before dim"),
        error_case("var", torch.arange(5), {"dim": None, "unbiased": True}, "var of int64"),
        error_case("std", B, {"dim": 0, "correction": 1}, "std of bool"),
        error_case("norm", torch.arange(4), {}, "norm of int64"),
        error_case("norm", t([True]), {"p": 2.0, "dim": 0}, "norm of bool"),
        error_case("norm", L, {"p": 1.0, "dim": 5}, "norm checks dtype before dim"),
        error_case("sum", x23, {"dim": 2}, "sum dim out of range"),
        error_case("sum", x23, {"dim": -3}, "sum negative dim out of range"),
        error_case("sum", t(3.0), {"dim": 1}, "sum of 0-d with dim 1"),
        error_case("sum", x23, {"dim": [0, 0]}, "sum with a repeated dim"),
        error_case("sum", x23, {"dim": [0, -2]}, "sum with a repeated dim given negative"),
        error_case("mean", torch.ones(2, 3, 4), {"dim": [1, -1, -2]}, "mean with a repeat after wrapping"),
        error_case("sum", x23, {"dim": [0, 0, 5]}, "out of range wins over the repeat"),
        error_case("var", x23, {"dim": [1, 1], "correction": 1}, "var with a repeated dim"),
        error_case("prod", x23, {"dim": 2}, "prod dim out of range"),
        error_case("all", x23, {"dim": -3}, "all dim out of range"),
        error_case("any", t(True), {"dim": 1}, "any of 0-d dim out of range"),
        error_case("max", x23, {"dim": 2}, "max dim out of range"),
        error_case("argmin", t(-3.0), {"dim": 1}, "argmin of 0-d dim out of range"),
        error_case("cumsum", x23, {"dim": 2}, "cumsum dim out of range"),
        error_case("cumsum", t(5), {"dim": 1}, "cumsum of 0-d dim out of range"),
        error_case("norm", x23, {"p": 2.0, "dim": [0, 0]}, "p-norm with a repeated dim"),
        error_case("norm", x23, {"dim": [0, 0]}, "fro with a repeated dim"),
        error_case("norm", x23, {"dim": [0, -2]}, "fro repeat is printed unwrapped"),
        error_case("norm", x23, {"dim": [3, 3]}, "fro checks range before repeats"),
        error_case("norm", torch.ones(1, 2, 3), {"p": "fro", "dim": [0, 1, 2]}, "fro over three dims"),
        error_case("norm", x23, {"dim": [1, -2, 3]}, "fro counts dims before range"),
        error_case("norm", x23, {"dim": 3}, "fro with one dim out of range"),
        error_case("norm", t(3.0), {"p": "fro", "dim": [0, -1]}, "fro of 0-d with dims 0 and -1"),
        error_case("norm", x23, {"p": "abc"}, "norm with an unknown string"),
    ]
    return e


# --- large inputs: float32 error against PyTorch's own ---------------------

LCG_A, LCG_C, MASK = 6364136223846793005, 1442695040888963407, (1 << 64) - 1


def lcg_values(seed, count, scale, offset):
    """offset + scale * u with u = 24 random bits / 2^24: exactly the same
    float32 values in C++ (see the test), with no input stored."""
    s = seed
    out = []
    for _ in range(count):
        s = (LCG_A * s + LCG_C) & MASK
        out.append(offset + scale * ((s >> 40) / 16777216.0))
    return torch.tensor(out, dtype=torch.float32)


def large_case(name, op, shape, seed, scale, offset, args, sample=None):
    x = lcg_values(seed, math.prod(shape), scale, offset).reshape(shape)
    y = call(op, x, args)
    exact = call(op, x.double(), args)
    torch_error = (y.double() - exact).abs().max().item()
    if sample is not None:  # keep the JSON small: every sample-th element
        y, exact = y.flatten()[::sample], exact.flatten()[::sample]
    return {
        "name": name, "op": op, "shape": shape, "seed": seed, "scale": scale, "offset": offset,
        "args": args_json(args), "sample": sample,
        "expected": tensor_json(y), "exact": exact.flatten().tolist(), "torch_error": torch_error,
    }


def large_cases():
    return [
        large_case("sum of 100k values in [0, 2)", "sum", [100000], 11, 2.0, 0.0, {"dim": None}),
        large_case("sum of 100k values in [-1, 1)", "sum", [100000], 12, 2.0, -1.0, {"dim": None}),
        large_case("mean over the last dim of [64, 4096] near 1000", "mean", [64, 4096], 13, 4.0, 1000.0,
                   {"dim": -1, "keepdim": False}),
        large_case("mean over dim 0 of [4096, 64]", "mean", [4096, 64], 14, 1.0, 3.0, {"dim": 0, "keepdim": False}),
        large_case("sum over dims (0, 2) of [64, 8, 512]", "sum", [64, 8, 512], 15, 2.0, 0.5,
                   {"dim": [0, 2], "keepdim": True}),
        large_case("var over the last dim of [32, 4096] near 1000", "var", [32, 4096], 16, 1.0, 1000.0,
                   {"dim": -1, "unbiased": True}),
        large_case("std over dim 0 of [4096, 32]", "std", [4096, 32], 17, 8.0, -4.0, {"dim": 0, "correction": 0}),
        large_case("2-norm of 100k values", "norm", [100000], 18, 2.0, -1.0, {"p": 2.0}),
        large_case("1-norm over the last dim of [16, 8192]", "norm", [16, 8192], 19, 2.0, -1.0, {"p": 1.0, "dim": -1}),
        large_case("cumsum of 20k values", "cumsum", [20000], 20, 1.0, 0.25, {"dim": 0}, sample=97),
        large_case("mean over (0, 2, 3) of [8, 64, 28, 28] (BatchNorm statistics)", "mean", [8, 64, 28, 28],
                   22, 2.0, 0.5, {"dim": [0, 2, 3], "keepdim": False}),
        large_case("biased var over (0, 2, 3) of [8, 64, 28, 28]", "var", [8, 64, 28, 28], 23, 2.0, 0.5,
                   {"dim": [0, 2, 3], "unbiased": False}),
        large_case("prod over the last dim of [8, 1000] near 1", "prod", [8, 1000], 21, 0.01, 0.995, {"dim": 1}),
    ]


def main():
    torch.manual_seed(0)
    cases = random_cases() + medium_cases() + fixed_cases()
    doc = {
        "generator": "tests/golden/generate_reduce.py",
        "torch": torch.__version__,
        "cases": cases,
        "errors": error_cases(),
        "large": large_cases(),
    }
    path = pathlib.Path(__file__).with_name("reduce.json")
    path.write_text(json.dumps(doc, indent=None, separators=(",", ":")) + "\n")
    print(f"wrote {path}: {len(doc['cases'])} cases, {len(doc['errors'])} errors, "
          f"{len(doc['large'])} large, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
