#!/usr/bin/python3
"""Write tests/golden/elementwise.json from PyTorch (Debian's python3-torch, 1.13).

Run with /usr/bin/python3 tests/golden/generate_elementwise.py. The tests
(tests/native/tensor/test_elementwise_golden.cpp) read the committed JSON and
never need PyTorch.

A case is {"op", "args", "kwargs", "expected", "rtol", "atol"}. An argument is
null (None), {"scalar": v, "kind": "int"|"float"|"bool"} (a Python number), or
{"tensor": <tensor_json of a contiguous base>, "views": [...]} where each view
is applied in order to build a non-contiguous operand:
  {"permute": [dims]}            base.permute(dims)
  {"step": [dim, k]}             every k-th element along dim (x[..., ::k])
  {"narrow": [dim, start, len]}  base.narrow(dim, start, len)
  {"expand": [sizes]}            base.expand(sizes) (stride-0 dims)
A tensor argument may instead say {"base_of": i, "views": [...]}: views of
argument i's base, sharing its memory (for in-place aliasing cases).
"expected" is a tensor_json (plus "strides" of an out-of-place result), {"bool": b} for allclose / equal, or an
error_json {"error", "message"}. In-place ops expect self's values afterwards.
"""
import json
import math
import pathlib
import random

import torch

from torch_json import error_json, number, tensor_json

RNG = random.Random(0)
DTYPES = [torch.float32, torch.int64, torch.bool]
INF, NAN = math.inf, math.nan
SPECIALS = [0.0, -0.0, 1.0, -1.0, INF, -INF, NAN, 0.5, -2.5, 3.0, 7.0, 1e-30, 1e30]

# Tolerances: + - * / and everything integral or boolean must be exact; the C
# library's float functions may differ from PyTorch's SLEEF kernels by an ulp.
EXACT = (0.0, 0.0)
ULP = (3e-6, 1e-6)


# ---------------------------------------------------------------- operands

def apply_views(t, views):
    for v in views:
        (kind, p), = v.items()
        if kind == "permute":
            t = t.permute(p)
        elif kind == "step":
            dim, k = p
            t = t[(slice(None),) * dim + (slice(None, None, k),)]
        elif kind == "narrow":
            t = t.narrow(*p)
        elif kind == "expand":
            t = t.expand(p)
    return t


class Arg:
    """A tensor operand: a contiguous base and the views that make it."""

    def __init__(self, base, views=(), base_of=None):
        # Row-major strides, as the test rebuilds the base (a computed empty
        # tensor may carry other strides, which would change result layouts).
        self.base = None if base is None else base.clone(memory_format=torch.contiguous_format)
        self.views = list(views)
        self.base_of = base_of

    def torch(self, args=None):
        return apply_views(self.base if self.base_of is None else args[self.base_of].base, self.views)

    def json(self):
        if self.base_of is not None:
            return {"base_of": self.base_of, "views": self.views}
        return {"tensor": tensor_json(self.base), "views": self.views}


def number_json(v):
    kind = "bool" if isinstance(v, bool) else "int" if isinstance(v, int) else "float"
    if kind == "float" and not math.isfinite(v):
        v = "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return {"scalar": v, "kind": kind}


def arg_json(a):
    if a is None:
        return None
    if isinstance(a, Arg):
        return a.json()
    return number_json(a)


def values(shape, dtype, kind="normal"):
    """Random contents. kinds: normal, nonzero (no int zeros), small_int_exp, positive."""
    if dtype == torch.bool:
        return torch.rand(shape) < 0.5
    if dtype == torch.int64:
        if kind == "small_int_exp":
            return torch.randint(0, 5, shape)
        t = torch.randint(-9, 10, shape)
        if kind == "nonzero":
            t[t == 0] = 3
        return t
    t = torch.randn(shape) * 3
    if kind == "positive":
        t = t.abs() + 0.01
    if kind == "small_int_exp":
        t = torch.randn(shape)
    return t


def with_layout(shape, dtype, kind="normal", layout=None, allow_expand=True):
    """An operand of `shape` laid out contiguously or as one kind of view."""
    shape = list(shape)
    choices = ["contiguous", "contiguous", "permute", "step", "narrow"] + (["expand"] if allow_expand else [])
    layout = layout or RNG.choice(choices)
    nd = len(shape)
    if nd == 0 or layout == "contiguous":
        return Arg(values(shape, dtype, kind))
    if layout == "permute":
        perm = list(range(nd))
        RNG.shuffle(perm)
        base_shape = [0] * nd
        for i, p in enumerate(perm):
            base_shape[p] = shape[i]
        return Arg(values(base_shape, dtype, kind), [{"permute": perm}])
    if layout == "step":
        d = RNG.randrange(nd)
        base_shape = list(shape)
        base_shape[d] = max(0, 2 * shape[d] - RNG.randint(0, 1)) if shape[d] > 0 else 0
        return Arg(values(base_shape, dtype, kind), [{"step": [d, 2]}])
    if layout == "narrow":
        d = RNG.randrange(nd)
        base_shape = list(shape)
        base_shape[d] = shape[d] + 2
        return Arg(values(base_shape, dtype, kind), [{"narrow": [d, 1, shape[d]]}])
    # expand: some dims of size > 1 come from a size-1 base dim
    base_shape = [1 if (s > 1 and RNG.random() < 0.5) else s for s in shape]
    if base_shape == shape:
        return Arg(values(shape, dtype, kind))
    return Arg(values(base_shape, dtype, kind), [{"expand": shape}])


def random_shape(max_rank=4, max_size=4):
    rank = RNG.choice([0, 1, 1, 2, 2, 3, 3, 4] + ([5] if max_rank >= 5 else []))
    rank = min(rank, max_rank)
    if rank == 5:
        return [RNG.randint(1, 2) for _ in range(rank)]
    shape = [RNG.randint(1, max_size) for _ in range(rank)]
    if shape and RNG.random() < 0.08:
        shape[RNG.randrange(rank)] = 0
    return shape


def broadcast_partner(shape):
    """A shape that broadcasts with `shape`: a suffix with some dims set to 1,
    and sometimes extra leading dims of its own."""
    k = RNG.randint(0, len(shape))
    part = [1 if RNG.random() < 0.3 else s for s in shape[len(shape) - k:]]
    if RNG.random() < 0.2 and len(part) < 5:
        part = [RNG.randint(1, 3)] + part
    return part


def random_number(dtype, kind="normal"):
    if dtype == torch.bool:
        return RNG.random() < 0.5
    if dtype == torch.int64:
        if kind == "small_int_exp":
            return RNG.randint(0, 4)
        v = RNG.randint(-9, 9)
        return v if (v != 0 or kind != "nonzero") else 4
    if kind == "positive":
        return round(RNG.uniform(0.1, 5), 3)
    return RNG.choice([2.5, -1.5, 0.1, 3.0, -0.75, 1e-3, 7.25])


# ---------------------------------------------------------------- op table

def op_add(a, b, alpha=None):
    return a + b if alpha is None else torch.add(a, b, alpha=alpha)


def op_sub(a, b, alpha=None):
    if alpha is None:
        return a - b
    return torch.sub(a, b, alpha=alpha) if isinstance(a, torch.Tensor) else torch.rsub(b, a, alpha=alpha)


def op_clamp(a, lo=None, hi=None):
    return torch.clamp(a, lo, hi)


def op_clamp_(a, lo=None, hi=None):
    return a.clamp_(lo, hi)


OPS = {
    "add": op_add,
    "sub": op_sub,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "floor_divide": lambda a, b: a // b,
    "remainder": lambda a, b: a % b,
    "pow": lambda a, b: a ** b,
    "maximum": torch.maximum,
    "minimum": torch.minimum,
    # Operators, so a number on the left is reflected as Python does.
    "eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b, "gt": lambda a, b: a > b, "ge": lambda a, b: a >= b,
    "bitwise_and": lambda a, b: a & b,
    "bitwise_or": lambda a, b: a | b,
    "bitwise_xor": lambda a, b: a ^ b,
    "bitwise_not": torch.bitwise_not,
    "invert": lambda a: ~a,
    "neg": lambda a: -a,
    "abs": torch.abs, "relu": torch.relu, "sqrt": torch.sqrt, "rsqrt": torch.rsqrt,
    "reciprocal": torch.reciprocal,
    "exp": torch.exp, "log": torch.log, "sin": torch.sin, "cos": torch.cos, "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "clamp": op_clamp,
    "where": torch.where,
    "isclose": torch.isclose,
    "allclose": torch.allclose,
    "equal": torch.equal,
    "add_": lambda a, b, alpha=1: a.add_(b, alpha=alpha),
    "sub_": lambda a, b, alpha=1: a.sub_(b, alpha=alpha),
    "mul_": lambda a, b: a.mul_(b),
    "div_": lambda a, b: a.div_(b),
    "clamp_": op_clamp_,
    "fill_": lambda a, v: a.fill_(v),
    "zero_": lambda a: a.zero_(),
    "copy_": lambda a, b: a.copy_(b),
}
INPLACE = {"add_", "sub_", "mul_", "div_", "clamp_", "fill_", "zero_", "copy_"}
TRANSCENDENTAL = {"exp", "log", "sin", "cos", "tanh", "sigmoid", "pow"}

CASES = []


def case(op, args, kwargs=None, tol=None):
    kwargs = kwargs or {}
    tol = tol or (ULP if op in TRANSCENDENTAL else EXACT)
    torch_args = []
    for a in args:
        torch_args.append(a.torch(args) if isinstance(a, Arg) else a)
    # In-place ops mutate their first argument: work on copies of the bases
    # so the recorded inputs stay the originals.
    if op in INPLACE and isinstance(args[0], Arg):
        clones = {}
        torch_args = []
        for i, a in enumerate(args):
            if isinstance(a, Arg):
                owner = a.base_of if a.base_of is not None else i
                if owner not in clones:
                    clones[owner] = args[owner].base.clone()
                torch_args.append(apply_views(clones[owner], a.views))
            else:
                torch_args.append(a)
    fn = OPS[op]
    try:
        result = fn(*torch_args, **kwargs)
    except Exception:  # noqa: BLE001 - recorded as the expected error
        expected = error_json(lambda: fn(*torch_args, **kwargs))
    else:
        if isinstance(result, bool):
            expected = {"bool": result}
        elif op in INPLACE:
            expected = tensor_json(torch_args[0])
        else:
            expected = tensor_json(result)
            # The result's memory layout, which PyTorch derives from the inputs'.
            expected["strides"] = list(result.stride())
    CASES.append({
        "op": op,
        "args": [arg_json(a) for a in args],
        "kwargs": {k: (number_json(v) if k == "alpha" else number(v)) for k, v in kwargs.items()},
        "expected": expected,
        "rtol": tol[0],
        "atol": tol[1],
    })


def expect_error(op, args, kwargs=None):
    before = len(CASES)
    case(op, args, kwargs)
    assert "error" in CASES[before]["expected"], (op, CASES[before]["expected"])


def T(data, dtype=None, views=()):
    return Arg(torch.tensor(data, dtype=dtype), views)


# ---------------------------------------------------------------- generators

def dtype_ok(op, result_dtype, dtypes):
    if op == "sub" and torch.bool in dtypes:
        return False
    if op in ("floor_divide", "remainder", "pow") and result_dtype == torch.bool:
        return False
    if op.startswith("bitwise") and result_dtype == torch.float32:
        return False
    return True


def random_binary(op, count, kind_b="normal", dtypes=DTYPES, scalar_left=True, scalar_right=True):
    made = 0
    while made < count:
        da, db = RNG.choice(dtypes), RNG.choice(dtypes)
        shape = random_shape(max_rank=5)
        form = RNG.random()
        if form < 0.2 and scalar_right:  # tensor op number
            b = random_number(db, kind_b)
            a = with_layout(shape, da)
            res = torch.result_type(a.torch(), b)
            if not dtype_ok(op, res, {da, db if not isinstance(b, bool) else torch.bool}):
                continue
            if op == "pow" and res == torch.int64 and not isinstance(b, bool) and b < 0:
                continue
            case(op, [a, b])
        elif form < 0.3 and scalar_left:  # number op tensor
            a = random_number(da)
            b = with_layout(shape, db, kind_b)
            res = torch.result_type(a, b.torch())
            if not dtype_ok(op, res, {db, torch.bool if isinstance(a, bool) else da}):
                continue
            case(op, [a, b])
        else:
            sa, sb = shape, broadcast_partner(shape)
            if RNG.random() < 0.5:
                sa, sb = sb, sa
            a = with_layout(sa, da)
            b = with_layout(sb, db, kind_b)
            res = torch.result_type(a.torch(), b.torch())
            if not dtype_ok(op, res, {da, db}):
                continue
            case(op, [a, b])
        made += 1


def specials_table(op):
    """Every pair of special float values, by broadcasting a column against a row."""
    s = torch.tensor(SPECIALS)
    case(op, [Arg(s.reshape(-1, 1)), Arg(s)])


def large_cases(op, dtype=torch.float32, kind_b="normal", tensors_only=False):
    """Shapes long enough for the vectorised contiguous paths."""
    case(op, [Arg(values([6, 17], dtype)), Arg(values([6, 17], dtype, kind_b))])
    case(op, [Arg(values([6, 17], dtype)), Arg(values([17], dtype, kind_b))])
    if tensors_only:
        case(op, [Arg(values([2, 20], dtype)), Arg(values([], dtype, kind_b))])
        case(op, [Arg(values([], dtype)), Arg(values([2, 20], dtype, kind_b))])
    else:
        case(op, [Arg(values([2, 20], dtype)), random_number(dtype, kind_b)])
        case(op, [random_number(dtype), Arg(values([2, 20], dtype, kind_b))])
    case(op, [Arg(values([17, 6], dtype), [{"permute": [1, 0]}]), Arg(values([6, 1], dtype, kind_b))])


def binary_cases():
    for op in ("add", "sub", "mul", "div", "maximum", "minimum"):
        tensors_only = op in ("maximum", "minimum")
        random_binary(op, 22, scalar_left=not tensors_only, scalar_right=not tensors_only)
        specials_table(op)
        large_cases(op, tensors_only=tensors_only)
    for op in ("floor_divide", "remainder"):
        random_binary(op, 22, kind_b="nonzero")
        specials_table(op)
        large_cases(op)
        large_cases(op, torch.int64, "nonzero")
        case(op, [T([7, -7, 7, -7, 0, 9]), T([2, 2, -2, -2, 5, -3])])
        case(op, [T([7.0, -7.0, 7.0, -7.0, 0.0, -0.0, 5.5]), T([2.0, 2.0, -2.0, -2.0, 3.0, -3.0, -0.5])])
        case(op, [T([5, -5]), 0.0])
        case(op, [T([True, False]), 1])
        case(op, [7, T([2, -3, 4])])
        expect_error(op, [T([1, 2, 3]), 0])
        expect_error(op, [T([1, 2, 3]), T([1, 0, 1])])
        expect_error(op, [T([1, 2, 3]), T(0)])
        expect_error(op, [T([True, False]), T([True, True])])
        expect_error(op, [T([True, False]), True])
        expect_error(op, [T([True, False, True]), T([True, True])])  # shape error first

    # add / sub with alpha
    for op in ("add", "sub"):
        case(op, [T([1.5, -2.0, 3.25]), T([0.1, 0.2, 0.3])], {"alpha": 2.5})
        case(op, [Arg(values([6, 17], torch.float32)), Arg(values([17], torch.float32))], {"alpha": 0.3})
        case(op, [T([1, 2, 3]), T([4, 5, 6])], {"alpha": 3})
        case(op, [T([1.0, 2.0]), T([3, 4])], {"alpha": -2})
        case(op, [T([1, 2, 3]), 2], {"alpha": 5})
        case(op, [T([1.0, 2.0, 3.0]), 1.5], {"alpha": -0.5})
        case(op, [T([1, 2]), T([1, 2])], {"alpha": -1})
        expect_error(op, [T([1, 2, 3]), T([4, 5, 6])], {"alpha": 1.5})
        expect_error(op, [T([1.0, 2.0]), T([1.0, 2.0])], {"alpha": True})
        expect_error(op, [T([1.0, 2.0]), T([1.0, 2.0])], {"alpha": 1e39})
    case("add", [T([True, False, True]), T([False, False, True])], {"alpha": 2})
    case("add", [T([True, False, True]), T([False, True, True])], {"alpha": True})
    case("add", [T([True, False, True]), 1], {"alpha": 2})
    case("add", [T([9223372036854775807, -5]), 1])  # wraps
    case("mul", [T([4611686018427387904, 3]), 4])
    case("sub", [1.5, T([1, 2])], {"alpha": 2})
    expect_error("add", [T([True, False]), T([True, True])], {"alpha": 1.5})

    # bool subtraction and negation
    expect_error("sub", [T([True, False]), T([True, True])])
    expect_error("sub", [T([True, False]), 1])
    expect_error("sub", [1, T([True, False])])
    expect_error("sub", [T([1, 2]), True])
    expect_error("sub", [T([True, False]), True])
    expect_error("sub", [T([1.0, 2.0]), T([True, False])])

    # broadcasting edge cases
    for op in ("add", "mul", "div", "maximum"):
        expect_error(op, [Arg(torch.ones(3)), Arg(torch.ones(4))])
        expect_error(op, [Arg(torch.ones(2, 3)), Arg(torch.ones(3, 2))])
    case("add", [Arg(torch.randn(0, 3)), Arg(torch.randn(1, 3))])
    case("add", [Arg(torch.randn(2, 0, 3)), Arg(torch.randn(3))])
    case("mul", [Arg(torch.randn(0)), 2.5])
    case("add", [Arg(torch.tensor(2.5)), Arg(torch.randn(2, 3))])
    case("add", [Arg(torch.tensor(5)), Arg(torch.tensor(2.5))])
    case("add", [Arg(torch.tensor([5])), Arg(torch.tensor(2.5))])
    case("add", [Arg(torch.randint(-5, 5, (2, 3))), Arg(torch.tensor(2.5))])
    case("add", [Arg(torch.tensor([True, False])), Arg(torch.tensor(3))])
    case("mul", [Arg(torch.randn(4, 1, 3)), Arg(torch.randn(2, 1))])
    case("sub", [Arg(torch.randn(1, 1, 1)), Arg(torch.randn(2, 1, 3, 1))])
    case("div", [T([1, 2, 3]), T([2, 4, 0])])
    case("div", [T([1, -1, 0]), 0])
    case("div", [T([True, False]), T([True, True])])
    case("div", [3, T([1, 2, 4])])
    case("div", [2.5, T([3.0, -7.0, 0.0])])
    case("div", [True, T([3.0, 7.0])])
    case("add", [T([1, 2]), 2.5])
    case("add", [T([1.0, 2.0]), 16777217])
    case("mul", [T([True, False]), 2.5])
    case("maximum", [T([NAN, 1.0, 2.0]), T([1.0, NAN, 3.0])])
    case("minimum", [T([1, 2, 3]), T([True, False, True])])
    case("maximum", [T([True, False]), T([False, False])])


def pow_cases():
    random_binary("pow", 18, kind_b="small_int_exp")
    specials_table("pow")
    large_cases("pow", kind_b="small_int_exp")
    float_base = T([0.5, -1.5, 2.0, 0.0, -0.0, 3.0, NAN, INF, -INF, 1e-3])
    for e in (2, 3, 0.5, -0.5, -1, -2, 0, 1, 2.5, -1.5, 1.0, 0.0, True, False, 10):
        case("pow", [float_base, e])
    case("pow", [Arg(values([40], torch.float32)), 2])
    case("pow", [Arg(values([40], torch.float32, "positive")), 0.5])
    for e in (0, 1, 2, 3, 5, True):
        case("pow", [T([-3, -1, 0, 1, 2, 7]), e])
    case("pow", [T([2, 3, -2]), 2.5])
    case("pow", [T([2, 3]), -1.0])
    case("pow", [T([True, False]), 2])
    case("pow", [T([True, False]), 0])
    case("pow", [T([True, False]), 2.0])
    case("pow", [T([3]), 40])
    case("pow", [T([-3]), 41])
    case("pow", [T([1, 2, 3]), T([-1, 1, 2])])
    case("pow", [T([-1, -1, 2, 0]), T([-3, -2, -1, -1])])
    case("pow", [T([2, 3]), T(-1)])
    case("pow", [T([2, 3]), T(2.5)])
    case("pow", [T([True, False]), T([1, 2])])
    case("pow", [T([1, 2]), T([True, False])])
    for base in (2, 2.5, 1, 1.0, -2, 0):
        case("pow", [base, T([-1, 0, 1, 3])])
    case("pow", [2, T([True, False])])
    case("pow", [1, T([True, False])])
    case("pow", [1, T([NAN, 2.0])])
    case("pow", [2.0, T([0.5, -1.0, NAN, INF])])
    expect_error("pow", [T([1, 2]), -1])
    expect_error("pow", [T(2), -2])
    expect_error("pow", [T([True, False]), -1])
    expect_error("pow", [T([True, False]), True])
    expect_error("pow", [T([True, False]), False])
    expect_error("pow", [T([True, False]), T([True, True])])
    expect_error("pow", [True, T([True, False])])
    expect_error("pow", [T([1.0, 2.0, 3.0]), T([1.0, 2.0])])


def unary_cases():
    ops = ["neg", "abs", "relu", "sqrt", "rsqrt", "reciprocal", "exp", "log", "sin", "cos", "tanh", "sigmoid"]
    for op in ops:
        for _ in range(7):
            dtype = RNG.choice(DTYPES if op not in ("neg", "abs", "relu") else DTYPES[:2])
            case(op, [with_layout(random_shape(max_rank=5), dtype)])
        case(op, [T(SPECIALS)])
        case(op, [Arg(values([6, 17], torch.float32))])
        case(op, [Arg(values([17, 6], torch.float32), [{"permute": [1, 0]}])])
        if op in ("neg", "abs", "relu"):
            expect_error(op, [T([True, False])])
        else:
            case(op, [T([True, False])])
        case(op, [T(-4)])
        case(op, [Arg(torch.randn(0, 3))])
    case("abs", [T([-9223372036854775808, -3, 4])])
    case("neg", [T([-9223372036854775808, -3, 4])])
    case("relu", [T([-3, 0, 5])])
    case("sigmoid", [T([-100.0, -20.0, 0.0, 20.0, 100.0, -88.0, 89.0])])
    case("exp", [T([88.0, 89.0, -104.0, -200.0])])
    case("tanh", [T([1e-10, -1e-5, 0.3, 9.0, -20.0])])


def compare_cases():
    for op in ("eq", "ne", "lt", "le", "gt", "ge"):
        random_binary(op, 14, scalar_left=False)
        specials_table(op)
        large_cases(op)
        case(op, [T([0.1, 0.2]), 0.1])
        case(op, [T([16777217, 3]), 16777216.0])
        case(op, [T([16777217, 3]), T(16777216.0)])
        case(op, [T([1, 2, 3]), 2])
        case(op, [T([True, False]), T([False, False])])
        case(op, [T([True, False]), 0.5])
        expect_error(op, [T([1, 2, 3]), T([1.0, 2.0])])


def bitwise_cases():
    for op in ("bitwise_and", "bitwise_or", "bitwise_xor"):
        random_binary(op, 12, dtypes=[torch.int64, torch.bool])
        case(op, [Arg(values([6, 17], torch.int64)), Arg(values([17], torch.int64))])
        case(op, [T([True, False, True]), 1])
        case(op, [T([1, 2, 3]), True])
        case(op, [T([5, -6, 12]), 6])
        case(op, [3, T([5, -6, 12])])
        expect_error(op, [T([1.0, 2.0]), T([1.0, 2.0])])
        expect_error(op, [T([1.0, 2.0]), 1])
        expect_error(op, [T([1, 2]), 1.5])
        expect_error(op, [T([True, False]), 1.0])
        expect_error(op, [T(1.5), T(1)])
        expect_error(op, [T([1, 2, 3]), T([1, 2])])
    for op in ("bitwise_not", "invert"):
        case(op, [T([True, False, True])])
        case(op, [T([0, -1, 5, 9223372036854775807])])
        case(op, [with_layout([3, 4], torch.int64, layout="permute")])
        case(op, [with_layout([3, 4], torch.bool, layout="step")])
        expect_error(op, [T([1.0, 2.0])])


def clamp_cases():
    for _ in range(14):
        dtype = RNG.choice(DTYPES[:2])
        shape = random_shape(max_rank=5)
        lo, hi = RNG.choice([(-1, 2), (-0.5, 1.5), (None, 0), (1.5, None), (0, None), (3, -3), (2.5, 2.5)])
        case("clamp", [with_layout(shape, dtype), lo, hi])
    for _ in range(12):
        dtype = RNG.choice(DTYPES[:2])
        shape = random_shape(max_rank=4)
        lo = with_layout(broadcast_partner(shape), RNG.choice(DTYPES[:2])) if RNG.random() < 0.8 else None
        hi = with_layout(broadcast_partner(shape), RNG.choice(DTYPES[:2])) if (lo is None or RNG.random() < 0.6) else None
        case("clamp", [with_layout(shape, dtype), lo, hi])
    x = T([NAN, -2.0, 0.5, 3.0, INF, -INF])
    case("clamp", [x, -1, 1])
    case("clamp", [x, NAN, 1])
    case("clamp", [x, -1, NAN])
    case("clamp", [x, NAN, None])
    case("clamp", [x, None, NAN])
    case("clamp", [x, 2, -2])
    case("clamp", [x, T([NAN, 0.0, 0.0, 0.0, 0.0, 0.0]), T(1.0)])
    case("clamp", [x, T(0.0), None])
    case("clamp", [x, None, T([1.0, 1.0, NAN, 1.0, 1.0, 1.0])])
    case("clamp", [T([1, 2, 3]), 0.5, None])
    case("clamp", [T([1, 2, 3]), 1, 2])
    case("clamp", [T([True, False, True]), 0, 1])
    case("clamp", [T([True, False, True]), T([True, True, False]), None])
    case("clamp", [T([True, False, True]), None, T([False, True, True])])
    case("clamp", [T([1, 2, 3]), T(1.5), 2])
    case("clamp", [T([1, 2, 3]), T([3, 3, 3]), T(2)])
    case("clamp", [Arg(values([6, 17], torch.float32)), -1.0, 1.0])
    case("clamp", [Arg(values([6, 17], torch.float32)), Arg(values([17], torch.float32)), None])
    expect_error("clamp", [T([1.0, 2.0]), None, None])
    expect_error("clamp", [T([True, False]), False, True])
    expect_error("clamp", [T([True, False]), True, None])
    expect_error("clamp", [T([True, False]), None, False])
    expect_error("clamp", [T([True, False]), T([True, True]), T([True, True])])
    expect_error("clamp", [T([1.0, 2.0]), 1e39, None])
    expect_error("clamp", [T([1.0, 2.0]), None, -1e39])
    expect_error("clamp", [T([1.0, 2.0, 3.0]), T([1.0, 2.0]), None])


def where_cases():
    for _ in range(20):
        shape = random_shape(max_rank=5)
        cond = with_layout(broadcast_partner(shape), torch.bool)
        da, db = RNG.choice(DTYPES), RNG.choice(DTYPES)
        a = with_layout(shape, da) if RNG.random() < 0.8 else random_number(da)
        b = with_layout(broadcast_partner(shape), db) if RNG.random() < 0.8 else random_number(db)
        case("where", [cond, a, b])
    c = T([True, False, True])
    case("where", [c, 1, 2.5])
    case("where", [c, 1, 2])
    case("where", [c, True, False])
    case("where", [c, True, 2.0])
    case("where", [c, T([1, 2, 3]), T(2.5)])
    case("where", [c, T([1, 2, 3]), T([1.5, 2.5, 3.5])])
    case("where", [T([[True], [False]]), T([1, 2, 3]), T([[10], [20]])])
    case("where", [Arg(torch.rand(6, 17) < 0.5), Arg(values([6, 17], torch.float32)), 0.0])
    case("where", [Arg(torch.rand(0, 2) < 0.5), 1.0, 2.0])
    expect_error("where", [T([1, 0, 1]), T([1, 2, 3]), T([1.0, 2.0, 3.0])])
    expect_error("where", [T([1.0, 0.0]), T([1, 2]), T([3, 4])])
    expect_error("where", [Arg(torch.ones(2, dtype=torch.bool)), Arg(torch.ones(3)), Arg(torch.ones(4))])
    expect_error("where", [Arg(torch.ones(3, dtype=torch.bool)), Arg(torch.ones(3)), Arg(torch.ones(2))])
    expect_error("where", [Arg(torch.ones(2)), Arg(torch.ones(3)), Arg(torch.ones(3))])


def close_cases():
    a = torch.tensor([1.0, 1.0001, 1e10, NAN, INF, -INF, 0.0, 1e-9, 100.0])
    b = torch.tensor([1.0, 1.0, 1.00001e10, NAN, INF, INF, 1e-8, 0.0, 100.1])
    for kw in ({}, {"equal_nan": True}, {"rtol": 1e-3}, {"rtol": 0.0, "atol": 0.0}, {"atol": 0.2},
               {"rtol": 0.0, "atol": 1e-8}, {"atol": INF}):
        case("isclose", [Arg(a), Arg(b)], kw)
        case("allclose", [Arg(a), Arg(b)], kw)
    case("isclose", [Arg(a), Arg(torch.tensor(1.0))])
    case("isclose", [T([1, 2, 3]), T([1, 2, 4])])
    case("isclose", [T([1, 2, 3]), T([1, 2, 4])], {"rtol": 0.5})
    case("isclose", [T([100, -100]), T([101, -101])], {"rtol": 0.01})
    case("isclose", [T([True, False, True]), T([True, True, True])])
    case("isclose", [T([True, False]), T([True, False])], {"equal_nan": True})
    case("allclose", [T([1, 2, 3]), T([1, 2, 3])])
    case("allclose", [Arg(values([5, 4], torch.float32)), Arg(values([5, 4], torch.float32))])
    x = values([6, 5], torch.float32)
    case("allclose", [Arg(x), Arg(x + 1e-7)])
    case("isclose", [Arg(x, [{"permute": [1, 0]}]), Arg(x.t() * (1 + 2e-5))])
    expect_error("isclose", [T([1, 2]), T([1.0, 2.0])])
    expect_error("allclose", [T([1, 2]), T([1.0, 2.0])])
    expect_error("isclose", [T([True]), T([1])])
    expect_error("isclose", [T([1.0]), T([1.0])], {"rtol": -1.0})
    expect_error("isclose", [T([1.0]), T([1.0])], {"atol": -1.5})
    expect_error("isclose", [T([1.0]), T([1.0])], {"atol": -1e-20})
    expect_error("isclose", [T([1.0]), T([1.0])], {"atol": -123456789.0})
    expect_error("isclose", [T([1.0]), T([1.0])], {"rtol": NAN})
    expect_error("isclose", [T([1.0, 2.0, 3.0]), T([1.0, 2.0])])
    expect_error("allclose", [T([1.0, 2.0, 3.0]), T([1.0, 2.0])])
    case("equal", [T([1, 2]), T([1.0, 2.0])])
    case("equal", [T([1.0, 2.0]), T([1.0, 2.0])])
    case("equal", [T([1.0, 2.0]), T([1.0, 2.5])])
    case("equal", [T([NAN]), T([NAN])])
    case("equal", [T([True, False, True]), T([1, 0, 1])])
    case("equal", [T([0.5]), T([0])])
    case("equal", [Arg(torch.ones(1, 3)), Arg(torch.ones(3))])
    case("equal", [Arg(torch.zeros(0)), Arg(torch.zeros(0, 2))])
    case("equal", [Arg(torch.zeros(0, 2)), Arg(torch.zeros(0, 2, dtype=torch.int64))])
    case("equal", [Arg(x, [{"permute": [1, 0]}]), Arg(x.t().contiguous())])
    case("equal", [T(3), T(3.0)])


def inplace_cases():
    # in-place arithmetic on random shapes, self possibly a view
    for op in ("add_", "sub_", "mul_", "div_"):
        made = 0
        while made < 10:
            shape = random_shape(max_rank=4)
            ds = RNG.choice(DTYPES if op != "div_" else [torch.float32])
            do = RNG.choice(DTYPES)
            if op == "sub_" and torch.bool in (ds, do):
                continue
            if torch.result_type(torch.zeros(1, dtype=ds), torch.zeros(1, dtype=do)) != ds:
                continue
            selfarg = with_layout(shape, ds, allow_expand=False)
            other = with_layout(broadcast_partner(shape), do) if RNG.random() < 0.75 else random_number(
                ds if ds != torch.bool else torch.bool)
            case(op, [selfarg, other])
            made += 1
        case(op, [Arg(values([6, 17], torch.float32)), Arg(values([17], torch.float32))])
        case(op, [Arg(values([17, 6], torch.float32), [{"permute": [1, 0]}]), 1.5])
        expect_error(op, [Arg(torch.zeros(3)), Arg(torch.ones(2, 3))])
        expect_error(op, [Arg(torch.zeros(3)), Arg(torch.ones(2))])
        expect_error(op, [Arg(torch.tensor(5.0)), Arg(torch.ones(3))])
        expect_error(op, [Arg(torch.zeros(3), [{"expand": [2, 3]}]), 1])
        expect_error(op, [Arg(torch.arange(5.0), [{"narrow": [0, 1, 4]}]), Arg(None, [{"narrow": [0, 0, 4]}], base_of=0)])
        expect_error(op, [Arg(torch.arange(4.0).reshape(2, 2)), Arg(None, [{"permute": [1, 0]}], base_of=0)])
        case(op, [Arg(torch.arange(1.0, 7.0)), Arg(None, [], base_of=0)])
        case(op, [Arg(torch.arange(1.0, 7.0), [{"step": [0, 2]}]), Arg(None, [{"narrow": [0, 1, 5]}, {"step": [0, 2]}], base_of=0)])
        case(op, [Arg(torch.arange(1.0, 7.0), [{"narrow": [0, 0, 3]}]), Arg(None, [{"narrow": [0, 3, 3]}], base_of=0)])
    for op in ("add_", "sub_", "mul_"):
        case(op, [T([1, 2, 3]), T([True, False, True])])
        case(op, [T([1.0, 2.0]), T([3, 4])])
        expect_error(op, [T([1, 2, 3]), 1.5])
        expect_error(op, [T([1, 2, 3]), T([1.5, 2.5, 3.5])])
        expect_error(op, [T([1, 2, 3]), Arg(torch.ones(2, 3))])  # shape checked before dtype
    expect_error("div_", [T([1, 2, 3]), 2])
    expect_error("div_", [T([True, False]), T([True, True])])
    expect_error("div_", [T([1, 2, 3]), Arg(torch.ones(2, 3))])
    expect_error("add_", [T([True, False]), 1])
    expect_error("mul_", [T([True, False]), 2])
    case("mul_", [T([True, False]), T([True, True])])
    case("add_", [T([True, False]), T([False, True])])
    case("add_", [T([1.0, 2.0, 3.0]), T([1.0, 1.0, 1.0])], {"alpha": 2.5})
    case("sub_", [T([1, 2, 3]), T([1, 1, 1])], {"alpha": 4})
    expect_error("add_", [T([1, 2, 3]), T([1, 1, 1])], {"alpha": 0.5})
    expect_error("add_", [Arg(torch.zeros(3)), Arg(torch.ones(2, 3))], {"alpha": True})
    expect_error("sub_", [T([True, False]), T([True, True])])
    expect_error("sub_", [T([1, 2]), T([True, True])])

    # clamp_
    for lo, hi in ((-1, 1), (0.5, None), (None, 0), (0, 5)):
        case("clamp_", [with_layout([4, 5], torch.float32, layout="permute"), lo, hi])
    case("clamp_", [T([1, 5, -3]), 0, 2])
    case("clamp_", [T([1.0, 5.0, -3.0]), T([0.0, 6.0, -4.0]), T(2.0)])
    case("clamp_", [T([1, 5, -3]), T([0, 6, -4]), None])
    case("clamp_", [T([1, 2, 3]), T(2), T([1, 2, 5])])
    case("clamp_", [T([True, False]), T(True), None])
    expect_error("clamp_", [T([1, 2, 3]), 0, 1.5])
    expect_error("clamp_", [T([1, 2, 3]), None, 1.5])
    expect_error("clamp_", [T([True, False, True]), 0, 1])
    expect_error("clamp_", [T([True, False, True]), 0.5, None])
    expect_error("clamp_", [T([True, False, True]), True, False])
    expect_error("clamp_", [T([1, 2, 3]), T(0.5), None])
    expect_error("clamp_", [T([1, 2, 3]), None, T([1.5, 1.0, 1.0])])
    expect_error("clamp_", [T([True, False]), T(2), None])
    expect_error("clamp_", [Arg(torch.zeros(3)), Arg(torch.zeros(2, 3)), None])
    expect_error("clamp_", [T([1.0, 2.0]), None, None])
    expect_error("clamp_", [Arg(torch.zeros(3), [{"expand": [2, 3]}]), 0, 1])

    # fill_, zero_, copy_
    for dtype in DTYPES:
        for v in (2, 2.7, -1.5, True, False, 0):
            case("fill_", [with_layout([3, 4], dtype, layout="permute", allow_expand=False), v])
        case("fill_", [Arg(values([2, 3], dtype)), T(2.7)])
        case("fill_", [Arg(values([2, 3], dtype)), T(-3)])
        case("fill_", [Arg(values([2, 3], dtype)), T(True)])
        case("zero_", [with_layout([3, 4], dtype, layout="step")])
    case("fill_", [Arg(torch.zeros(3), [{"expand": [2, 3]}]), 1.5])
    case("zero_", [Arg(torch.ones(3), [{"expand": [2, 3]}])])
    case("fill_", [Arg(torch.zeros(3)), INF])
    case("fill_", [Arg(torch.zeros(3)), NAN])
    case("fill_", [Arg(torch.zeros(3, dtype=torch.bool)), NAN])
    case("fill_", [Arg(torch.zeros(2, dtype=torch.int64)), 1e18])
    case("fill_", [Arg(torch.zeros(2, dtype=torch.int64)), -9.2233720368547758e18])
    case("fill_", [Arg(torch.zeros(0, 3)), 1.0])
    expect_error("fill_", [Arg(torch.zeros(3, dtype=torch.int64)), NAN])
    expect_error("fill_", [Arg(torch.zeros(3, dtype=torch.int64)), INF])
    expect_error("fill_", [Arg(torch.zeros(3, dtype=torch.int64)), 1e20])
    expect_error("fill_", [Arg(torch.zeros(3, dtype=torch.int64)), T(NAN)])
    expect_error("fill_", [Arg(torch.zeros(3)), 1e39])
    expect_error("fill_", [Arg(torch.zeros(3)), -3.5e38])
    expect_error("fill_", [Arg(torch.zeros(2)), T([1.0])])
    expect_error("fill_", [Arg(torch.zeros(2)), T([[1.0]])])
    for _ in range(10):
        shape = random_shape(max_rank=4)
        case("copy_", [with_layout(shape, RNG.choice(DTYPES), allow_expand=False),
                       with_layout(broadcast_partner(shape), RNG.choice(DTYPES))])
    case("copy_", [Arg(torch.zeros(3, dtype=torch.bool)), T([0.5, 0.0, -2.0])])
    case("copy_", [Arg(torch.zeros(3, dtype=torch.int64)), T([-1.5, 0.0, 2.7])])
    case("copy_", [Arg(torch.zeros(2, 3)), T([1, 2, 3])])
    case("copy_", [Arg(torch.zeros(2, 3), [{"permute": [1, 0]}]), T([1.0, 2.0])])
    case("copy_", [Arg(torch.zeros(6, 17)), Arg(values([6, 17], torch.float32))])
    case("copy_", [Arg(torch.arange(4.0).reshape(2, 2)), Arg(None, [], base_of=0)])
    expect_error("copy_", [Arg(torch.zeros(3)), Arg(torch.ones(2))])
    expect_error("copy_", [Arg(torch.zeros(3)), Arg(torch.ones(2, 3))])
    expect_error("copy_", [Arg(torch.zeros(3)), Arg(torch.ones(1, 3))])
    expect_error("copy_", [Arg(torch.zeros(2, 3)), Arg(torch.ones(4, 2, 3))])
    expect_error("copy_", [Arg(torch.zeros(3), [{"expand": [2, 3]}]), Arg(torch.ones(2, 3))])
    expect_error("copy_", [Arg(torch.arange(5.0), [{"narrow": [0, 1, 4]}]), Arg(None, [{"narrow": [0, 0, 4]}], base_of=0)])
    expect_error("copy_", [Arg(torch.arange(4.0).reshape(2, 2)), Arg(None, [{"permute": [1, 0]}], base_of=0)])


def main():
    torch.manual_seed(0)
    binary_cases()
    pow_cases()
    unary_cases()
    compare_cases()
    bitwise_cases()
    clamp_cases()
    where_cases()
    close_cases()
    inplace_cases()
    doc = {
        "generator": "tests/golden/generate_elementwise.py",
        "torch": torch.__version__,
        "cases": CASES,
    }
    path = pathlib.Path(__file__).with_name("elementwise.json")
    path.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    errors = sum(1 for c in CASES if "error" in c["expected"])
    print(f"wrote {path} ({len(CASES)} cases, {errors} errors, {path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
