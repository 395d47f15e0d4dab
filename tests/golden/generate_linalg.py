#!/usr/bin/python3
"""Write tests/golden/linalg.json from PyTorch (Debian's python3-torch, 1.13).

Run with /usr/bin/python3 tests/golden/generate_linalg.py. Covers matmul in
every dimension case (dot, mv, vector . matrix, mm, folded batches on either
side, broadcast batches), mm, bmm, mv, dot and t over random shapes (empty
dims, non-contiguous layouts, int64, inf and nan), PyTorch's error texts,
and a few larger products whose inputs are generated, not stored. The tests
read the committed JSON and never need PyTorch.
"""
import json
import math
import pathlib
import random

import torch

from generate_reduce import lcg_values, with_layout
from torch_json import error_json, tensor_json

R = random.Random(2024)
FLOAT, LONG, BOOL = torch.float32, torch.int64, torch.bool
INF, NAN = float("inf"), float("nan")


def call(op, a, b):
    if op == "t":
        return torch.t(a)
    return getattr(torch, op)(a, b)


def random_input(shape, dtype, special=False):
    if dtype == LONG:
        return torch.randint(-5, 6, shape)
    if dtype == BOOL:
        return torch.rand(shape) < 0.5
    x = torch.randn(shape)
    if special and x.numel() > 0:
        x.view(-1)[R.randrange(x.numel())] = R.choice([INF, -INF, NAN])
    return x


def size(allow_zero=True):
    return 0 if allow_zero and R.random() < 0.08 else R.randint(1, 6)


def batch_pair():
    """Two batch shapes that broadcast: some dims 1 on one side, different lengths."""
    nd = R.randint(1, 3)
    full = [R.randint(1, 3) for _ in range(nd)]
    a = [1 if R.random() < 0.3 else s for s in full]
    b = [1 if R.random() < 0.3 else s for s in full]
    if R.random() < 0.4:
        a = a[R.randint(0, nd - 1):]
    elif R.random() < 0.4:
        b = b[R.randint(0, nd - 1):]
    return a, b


def shapes_for(kind):
    m, k, n = size(), size(), size()
    if kind == "1x1":
        return [k], [k]
    if kind == "2x1":
        return [m, k], [k]
    if kind == "1x2":
        return [k], [k, n]
    if kind == "2x2":
        return [m, k], [k, n]
    if kind == "Nx1":
        return batch_pair()[0] + [m, k], [k]
    if kind == "Nx2":
        return batch_pair()[0] + [m, k], [k, n]
    if kind == "1xN":
        return [k], batch_pair()[1] + [k, n]
    if kind == "2xN":
        return [m, k], batch_pair()[1] + [k, n]
    a, b = batch_pair()
    while len(a) + 2 < 3:
        a = [1] + a
    while len(b) + 2 < 3:
        b = [R.randint(1, 2)] + b
    return a + [m, k], b + [k, n]


def case(op, a, b, la="contiguous", lb="contiguous", name=None):
    y = call(op, with_layout(a, la), None if b is None else with_layout(b, lb))
    k = a.shape[-1] if a.dim() > 0 else 1
    c = {
        "name": name or f"{op} {list(a.shape)} {'' if b is None else list(b.shape)} {str(a.dtype)[6:]} {la}/{lb}",
        "op": op, "a": tensor_json(a), "layout_a": la, "layout_b": lb,
        "k": int(k), "expected": tensor_json(y),
    }
    if b is not None:
        c["b"] = tensor_json(b)
    return c


def random_cases():
    cases = []
    layouts = ["contiguous", "contiguous", "transposed", "strided"]
    kinds = ["1x1", "2x1", "1x2", "2x2", "Nx1", "Nx2", "1xN", "2xN", "NxN"]
    for kind in kinds:
        for _ in range(9):
            sa, sb = shapes_for(kind)
            dtype = LONG if R.random() < 0.25 else FLOAT
            special = dtype == FLOAT and R.random() < 0.15
            a, b = random_input(sa, dtype, special), random_input(sb, dtype, special)
            cases.append(case("matmul", a, b, R.choice(layouts), R.choice(layouts)))
    for _ in range(8):
        m, k, n = size(), size(), size()
        dtype = LONG if R.random() < 0.3 else FLOAT
        cases.append(case("mm", random_input([m, k], dtype), random_input([k, n], dtype),
                          R.choice(layouts), R.choice(layouts)))
    for _ in range(8):
        bs, m, k, n = R.randint(0, 3), size(), size(), size()
        dtype = LONG if R.random() < 0.3 else FLOAT
        cases.append(case("bmm", random_input([bs, m, k], dtype), random_input([bs, k, n], dtype),
                          R.choice(layouts), R.choice(layouts)))
    for _ in range(5):
        m, k = size(), size()
        dtype = LONG if R.random() < 0.3 else FLOAT
        cases.append(case("mv", random_input([m, k], dtype), random_input([k], dtype), R.choice(layouts)))
    for _ in range(4):
        k = size()
        dtype = LONG if R.random() < 0.3 else FLOAT
        cases.append(case("dot", random_input([k], dtype), random_input([k], dtype), "strided", "strided"))
    for shape in ([2, 3], [4], [], [0, 3], [3, 1]):
        cases.append(case("t", random_input(shape, FLOAT), None, "strided" if len(shape) == 2 else "contiguous"))
    cases.append(case("t", random_input([2, 5], LONG), None))
    return cases


def fixed_cases():
    t = torch.tensor
    r = torch.randn
    L = lambda *s: torch.ones(*s, dtype=LONG)  # noqa: E731
    B = lambda *s: torch.ones(*s, dtype=BOOL)  # noqa: E731
    return [
        case("matmul", t([[1.0, NAN]]), t([[0.0], [0.0]]), name="nan times 0 is nan"),
        case("matmul", t([[1.0, 0.0]]), t([[1.0], [INF]]), name="0 times inf is nan (no zero skipping)"),
        case("matmul", t([1.0, 0.0]), t([1.0, INF]), name="dot: 0 times inf is nan"),
        case("matmul", t([[1.0, INF]]), t([[0.0], [1.0]]), name="inf survives"),
        case("matmul", t([1e20, 1e20]), t([1e20, 1e20]), name="float products overflow to inf"),
        case("matmul", t([2 ** 62, 2 ** 62]), t([2, 1]), name="int64 dot wraps"),
        case("matmul", t([[2 ** 40, 3], [5, -(2 ** 41)]]), t([[2 ** 20, 7], [11, 2 ** 21]]), name="int64 matmul is exact"),
        case("matmul", r(2, 0), L(0), name="empty mv takes the vector's dtype"),
        case("matmul", r(2, 0), L(0, 3), name="k = 0 mm gives zeros of self's dtype"),
        case("mm", L(0, 3), r(3, 4), name="empty mm skips the dtype check"),
        case("bmm", r(2, 2, 0), L(2, 0, 4), name="k = 0 bmm gives zeros of mat2's dtype"),
        case("matmul", B(2, 0), B(0, 3), name="bool k = 0 mm gives False"),
        case("matmul", B(2, 2, 0), B(0, 3), name="bool folded k = 0"),
        case("matmul", B(2, 2, 0), B(2, 0, 3), name="bool bmm k = 0"),
        case("matmul", B(0, 2, 2), B(2), name="bool folded mv with no rows"),
        case("mv", B(2, 0), B(0), name="bool mv with k = 0"),
        case("matmul", r(2), L(0, 2, 3), name="1-D . empty batch"),
        case("matmul", r(0, 3, 2, 3), r(3, 2), name="empty batch folded"),
        case("matmul", r(2, 1, 2, 3), r(3, 3, 5), name="batch broadcast [2,1] with [3]"),
    ]


def error_case(op, a, b, name):
    return {"name": name, "op": op, "a": tensor_json(a), **({"b": tensor_json(b)} if b is not None else {}),
            **error_json(lambda: call(op, a, b))}


def error_cases():
    r = torch.randn
    L = lambda *s: torch.ones(*s, dtype=LONG)  # noqa: E731
    B = lambda *s: torch.ones(*s, dtype=BOOL)  # noqa: E731
    e = error_case
    return [
        e("matmul", r(3), r(4), "dot sizes"),
        e("matmul", r(2, 3), r(4), "mv sizes"),
        e("matmul", r(3), r(4, 5), "vector . matrix sizes"),
        e("matmul", r(2, 3), r(4, 5), "mm sizes"),
        e("matmul", r(2, 2, 3), r(4, 5), "folded mm sizes"),
        e("matmul", r(2, 2, 3), r(4), "folded mv sizes"),
        e("matmul", r(3), r(2, 4, 5), "transposed folded mv sizes"),
        e("matmul", r(2, 3), r(2, 4, 5), "transposed folded mm sizes"),
        e("matmul", r(2, 2, 3), r(2, 4, 5), "bmm sizes"),
        e("matmul", r(2, 3, 2, 3), r(1, 3, 4, 2), "broadcast bmm sizes"),
        e("matmul", r(2, 2, 3), r(3, 3, 5), "batch dims do not broadcast"),
        e("matmul", r(0, 3, 2, 3), r(5, 3, 4, 2), "empty batch does not broadcast"),
        e("matmul", r(()), r(3), "0-d and 1-d"),
        e("matmul", r(3), r(()), "1-d and 0-d"),
        e("matmul", r(()), r(()), "0-d and 0-d"),
        e("matmul", B(2, 3), B(3, 2), "bool mm"),
        e("matmul", B(3), B(3), "bool dot"),
        e("matmul", B(2, 3), B(3), "bool mv"),
        e("matmul", B(2, 2, 3), B(3, 2), "bool folded mm"),
        e("matmul", B(2, 2, 3), B(3), "bool folded mv"),
        e("matmul", B(3), B(2, 3, 4), "bool transposed folded mv"),
        e("matmul", B(2, 2, 3), B(2, 3, 2), "bool bmm"),
        e("matmul", B(1, 2, 2, 3), B(2, 2, 3), "bool broadcast sizes first"),
        e("matmul", r(2, 3), L(3, 2), "float . int64 mm"),
        e("matmul", L(2, 3), r(3, 2), "int64 . float mm"),
        e("matmul", r(3), L(3), "float . int64 dot"),
        e("matmul", r(2, 3), L(3), "float . int64 mv"),
        e("matmul", r(3), L(3, 2), "float vector . int64 matrix"),
        e("matmul", r(2, 2, 3), L(2, 3, 2), "float . int64 bmm"),
        e("matmul", r(2, 2, 3), L(3, 2), "float folded . int64"),
        e("matmul", r(3), L(2, 3, 4), "float vector . int64 batch"),
        e("matmul", r(2, 3), L(2, 3, 4), "float matrix . int64 batch"),
        e("matmul", L(2, 3), B(3, 2), "int64 . bool mm"),
        e("matmul", r(0), L(0), "empty dot still checks dtypes"),
        e("mm", r(2, 3), r(4, 5), "mm shapes"),
        e("mm", r(3), r(3, 5), "mm of a vector"),
        e("mm", r(2, 3), r(3), "mm with a vector"),
        e("mm", r(2, 3, 3), r(3, 3), "mm of a batch"),
        e("mm", B(2, 3), B(4, 5), "mm checks shapes before dtype"),
        e("mm", B(2, 3), L(3, 5), "mm of bool"),
        e("mm", r(2, 3), L(3, 5), "mm float . int64"),
        e("bmm", r(2, 3), r(3, 5), "bmm of a matrix"),
        e("bmm", r(2, 2, 3), r(2, 5), "bmm with a matrix"),
        e("bmm", r(2, 2, 3), r(3, 3, 5), "bmm batch sizes"),
        e("bmm", r(2, 2, 3), r(2, 4, 5), "bmm inner sizes"),
        e("bmm", B(2, 2, 3), B(2, 3, 2), "bmm of bool"),
        e("bmm", r(2, 2, 3), L(2, 3, 5), "bmm float . int64"),
        e("bmm", L(2, 2, 3), r(2, 3, 5), "bmm int64 . float"),
        e("mv", r(3), r(3), "mv of a vector"),
        e("mv", r(3, 3), r(3, 1), "mv with a matrix"),
        e("mv", r(2, 3), r(4), "mv sizes"),
        e("mv", B(2, 3), B(3), "mv of bool"),
        e("mv", r(2, 3), L(3), "mv float . int64"),
        e("dot", r(3, 1), r(3), "dot of a matrix"),
        e("dot", r(3), L(3, 1), "dot with a matrix"),
        e("dot", r(2), L(3), "dot checks dtype before size"),
        e("dot", B(2), B(3), "dot of bool checks size first"),
        e("dot", B(0), B(0), "empty dot of bool"),
        e("t", r(2, 3, 4), None, "t of 3-D"),
        e("t", r(1, 1, 1, 1), None, "t of 4-D"),
    ]


def large_case(name, op, sa, sb, seeds, dtype=FLOAT, sample=None):
    a = lcg_values(seeds[0], math.prod(sa), 2.0, -1.0).reshape(sa)
    b = lcg_values(seeds[1], math.prod(sb), 2.0, -1.0).reshape(sb)
    if dtype == LONG:  # exact integers up to 2^20
        a, b = (a * 2 ** 20).to(LONG), (b * 2 ** 20).to(LONG)
    y = call(op, a, b)
    exact = call(op, a.double(), b.double()) if dtype == FLOAT else y
    torch_error = (y.double() - exact.double()).abs().max().item()
    if sample is not None:
        y, exact = y.flatten()[::sample], exact.flatten()[::sample]
    return {"name": name, "op": op, "shape_a": sa, "shape_b": sb, "seeds": seeds,
            "int": dtype == LONG, "k": sa[-1], "sample": sample,
            "expected": tensor_json(y), "exact": exact.flatten().double().tolist(),
            "torch_error": torch_error}


def large_cases():
    return [
        large_case("mm [64, 300] . [300, 128]", "matmul", [64, 300], [300, 128], [31, 32], sample=7),
        large_case("batched [3, 50, 70] . [70, 40]", "matmul", [3, 50, 70], [70, 40], [33, 34], sample=5),
        large_case("bmm [4, 33, 65] . [4, 65, 17]", "bmm", [4, 33, 65], [4, 65, 17], [35, 36]),
        large_case("mv [200, 1000] . [1000]", "matmul", [200, 1000], [1000], [37, 38]),
        large_case("dot of 100k", "matmul", [100000], [100000], [39, 40]),
        large_case("vector [500] . [500, 300]", "matmul", [500], [500, 300], [41, 42]),
        large_case("int64 mm [40, 50] . [50, 30]", "matmul", [40, 50], [50, 30], [43, 44], dtype=LONG),
    ]


def main():
    torch.manual_seed(7)
    cases = random_cases() + fixed_cases()
    doc = {
        "generator": "tests/golden/generate_linalg.py",
        "torch": torch.__version__,
        "cases": cases,
        "errors": error_cases(),
        "large": large_cases(),
    }
    path = pathlib.Path(__file__).with_name("linalg.json")
    path.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {path}: {len(doc['cases'])} cases, {len(doc['errors'])} errors, "
          f"{len(doc['large'])} large, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
