#!/usr/bin/python3
"""Write tests/golden/views.json: PyTorch 1.13's views and shape operations
(view, reshape, permute, transpose, .T, unsqueeze, squeeze, flatten, expand,
repeat, contiguous, clone, detach, select, narrow, chunk, split, cat, stack)
on random shapes and layouts, whether each result shares the input's storage,
its strides, and every error with its exact text.

Run with /usr/bin/python3 tests/golden/generate_views.py (Debian's
python3-torch 1.13). The tests read the committed JSON, never PyTorch.
"""
import pathlib
import random
import warnings

import torch

from strided_inputs import LAYOUTS, describe, make, numel, random_dtype, random_shape, result_json, shares, write_doc

warnings.filterwarnings("ignore")  # x.T on ndim != 2 warns once


def random_reshape(shape):
    """A shape with the same element count, maybe with one -1."""
    out = list(shape)
    for _ in range(random.randint(1, 3)):
        r = random.random()
        if r < 0.3 and len(out) >= 2:  # merge two neighbours
            i = random.randrange(len(out) - 1)
            out[i:i + 2] = [out[i] * out[i + 1]]
        elif r < 0.6 and out:  # split one dim
            i = random.randrange(len(out))
            divisors = [d for d in range(1, out[i] + 1) if out[i] % d == 0] or [1]
            a = random.choice(divisors)
            out[i:i + 1] = [a, out[i] // a] if a else [out[i]]
        elif r < 0.8 and len(out) < 6:
            out.insert(random.randint(0, len(out)), 1)
        elif 1 in out:
            out.remove(1)
    if out and random.random() < 0.4:
        out[random.randrange(len(out))] = -1
    return out


def random_expand(shape):
    out = []
    for s in shape:
        if s == 1:
            out.append(random.choice([0, 1, 2, 3, -1]))
        else:
            out.append(random.choice([s, s, -1]))
    lead = [random.randint(0, 3) for _ in range(random.randint(0, 2))]
    return lead + out


def input_case(op, x, base, args, fn):
    case = {"op": op, "input": describe(x, base), "args": args}
    try:
        r = fn(x)
    except Exception as e:  # noqa: BLE001 - PyTorch's error is the expected output
        case["error"] = {"error": type(e).__name__, "message": str(e)}
        return case
    if isinstance(r, (tuple, list)):
        case["results"] = [result_json(t, base, x) for t in r]
    else:
        case["result"] = result_json(r, base, x)
    return case


def dims_arg(nd):
    return random.randint(-max(nd, 1), max(nd, 1) - 1)


def single_input_cases():
    cases = []

    def add(op, n, make_args, fn, shape_fn=random_shape):
        for _ in range(n):
            shape = shape_fn()
            x, base = make(shape, random_dtype(), random.choice(LAYOUTS))
            args = make_args(shape)
            cases.append(input_case(op, x, base, args, lambda t: fn(t, args)))

    add("view", 30, lambda s: {"shape": random_reshape(s)}, lambda t, a: t.view(a["shape"]))
    add("reshape", 30, lambda s: {"shape": random_reshape(s)}, lambda t, a: t.reshape(a["shape"]))
    add("permute", 15, lambda s: {"dims": [d - len(s) if random.random() < 0.3 else d
                                            for d in random.sample(range(len(s)), len(s))]},
        lambda t, a: t.permute(a["dims"]))
    add("transpose", 12, lambda s: {"dim0": dims_arg(len(s)), "dim1": dims_arg(len(s))},
        lambda t, a: t.transpose(a["dim0"], a["dim1"]))
    add("T", 8, lambda s: {}, lambda t, a: t.T)
    add("unsqueeze", 12, lambda s: {"dim": random.randint(-len(s) - 1, len(s))},
        lambda t, a: t.unsqueeze(a["dim"]))
    ones_shape = lambda: [random.choice([1, 1, 2, 3]) for _ in range(random.randint(0, 4))]  # noqa: E731
    add("squeeze", 8, lambda s: {}, lambda t, a: t.squeeze(), ones_shape)
    add("squeeze_dim", 10, lambda s: {"dim": dims_arg(len(s))}, lambda t, a: t.squeeze(a["dim"]), ones_shape)

    def flatten_args(s):
        nd = max(len(s), 1)
        a, b = sorted([random.randrange(nd), random.randrange(nd)])
        return {"start_dim": a - nd if random.random() < 0.3 else a, "end_dim": b - nd if random.random() < 0.5 else b}
    add("flatten", 18, flatten_args, lambda t, a: t.flatten(a["start_dim"], a["end_dim"]))
    add("expand", 18, lambda s: {"sizes": random_expand(s)}, lambda t, a: t.expand(a["sizes"]), ones_shape)
    small = lambda: random_shape(3, 3)  # noqa: E731
    add("repeat", 12, lambda s: {"repeats": [random.randint(0, 3) for _ in range(len(s) + random.randint(0, 2))]},
        lambda t, a: t.repeat(a["repeats"]), small)
    add("contiguous", 8, lambda s: {}, lambda t, a: t.contiguous())
    add("clone", 10, lambda s: {}, lambda t, a: t.clone())
    add("detach", 4, lambda s: {}, lambda t, a: t.detach())
    nonempty = lambda: [random.randint(1, 4) for _ in range(random.randint(1, 4))]  # noqa: E731

    def select_args(s):
        d = random.randrange(len(s))
        return {"dim": d, "index": random.randint(-s[d], s[d] - 1)}
    add("select", 10, select_args, lambda t, a: t.select(a["dim"], a["index"]), nonempty)

    def narrow_args(s):
        d = random.randrange(len(s))
        start = random.randint(0, s[d])
        return {"dim": d - len(s) if random.random() < 0.3 else d, "start": start,
                "length": random.randint(0, s[d] - start)}
    add("narrow", 10, narrow_args, lambda t, a: t.narrow(a["dim"], a["start"], a["length"]), nonempty)
    one_plus = lambda: [random.randint(0, 6) for _ in range(random.randint(1, 3))]  # noqa: E731
    add("chunk", 12, lambda s: {"chunks": random.randint(1, 6), "dim": dims_arg(len(s))},
        lambda t, a: t.chunk(a["chunks"], a["dim"]), one_plus)
    add("split", 10, lambda s: {"split_size": random.randint(1, 5), "dim": dims_arg(len(s))},
        lambda t, a: t.split(a["split_size"], a["dim"]), one_plus)

    def sizes_args(s):
        d = random.randrange(len(s))
        left, sizes = s[d], []
        while left > 0:
            k = random.randint(0, left)
            sizes.append(k)
            left -= k
        if random.random() < 0.3:
            sizes.insert(random.randint(0, len(sizes)), 0)
        return {"split_sizes": sizes, "dim": d}
    add("split_sizes", 10, sizes_args, lambda t, a: t.split(a["split_sizes"], a["dim"]), one_plus)
    return cases


def list_case(op, xs, bases, args, fn):
    case = {"op": op, "inputs": [describe(x, b) for x, b in zip(xs, bases)], "args": args}
    try:
        r = fn(xs)
    except Exception as e:  # noqa: BLE001
        case["error"] = {"error": type(e).__name__, "message": str(e)}
        return case
    case["result"] = result_json(r, bases[0])
    case["result"]["shares"] = any(shares(r, b) for b in bases)
    return case


def join_cases():
    cases = []
    for _ in range(30):
        shape = random_shape(4, 4)
        if not shape:
            shape = [random.randint(0, 3)]
        d = random.randrange(len(shape))
        xs, bases = [], []
        for _ in range(random.randint(1, 4)):
            s = list(shape)
            s[d] = random.randint(0, 3)
            if random.random() < 0.15:
                s = [0]  # the legacy empty tensor cat skips
            x, b = make(s, random_dtype(), random.choice(LAYOUTS))
            xs.append(x)
            bases.append(b)
        dim = d - len(shape) if random.random() < 0.3 else d
        cases.append(list_case("cat", xs, bases, {"dim": dim}, lambda ts: torch.cat(ts, dim)))
    for _ in range(20):
        shape = random_shape(3, 4)
        dtype = random_dtype()
        pairs = [make(shape, dtype if random.random() < 0.7 else random_dtype(), random.choice(LAYOUTS))
                 for _ in range(random.randint(1, 4))]
        dim = random.randint(-len(shape) - 1, len(shape))
        cases.append(list_case("stack", [p[0] for p in pairs], [p[1] for p in pairs], {"dim": dim},
                               lambda ts: torch.stack(ts, dim)))
    # Inputs whose strides look channels-last keep that layout through cat.
    for shape, perm in [([2, 3, 2, 2], (0, 3, 1, 2)), ([1, 2, 3, 2, 2], (0, 4, 1, 2, 3))]:
        nhwc = [shape[0]] + shape[2:] + [shape[1]]
        xs, bases = [], []
        for _ in range(2):
            base = torch.randn(numel(nhwc) + 1)
            xs.append(base[1:].view(nhwc).permute(perm))
            bases.append(base)
        cases.append(list_case("cat", xs, bases, {"dim": 1}, lambda ts: torch.cat(ts, 1)))
        cases.append(list_case("stack", xs, bases, {"dim": 0}, lambda ts: torch.stack(ts, 0)))
    return cases


def fixed_cases():
    """Every error of the area and edge cases PyTorch treats specially."""
    cases = []

    def one(op, shape, args, fn, dtype=torch.float32, layout="contiguous"):
        x, base = make(shape, dtype, layout)
        cases.append(input_case(op, x, base, args, lambda t: fn(t, args)))

    view = lambda t, a: t.view(a["shape"])  # noqa: E731
    reshape = lambda t, a: t.reshape(a["shape"])  # noqa: E731
    one("view", [3, 4], {"shape": [2, 5]}, view)
    one("view", [3, 4], {"shape": [-1, -1]}, view)
    one("view", [3, 4], {"shape": [-1, 5]}, view)
    one("view", [3, 4], {"shape": [-2, 6]}, view)
    one("view", [3, 4], {"shape": [-1, 2, -3]}, view)
    one("view", [0, 3], {"shape": [-1, 0]}, view)
    one("view", [0, 3], {"shape": [3, 0, 5]}, view)
    one("view", [], {"shape": [1, 1]}, view)
    one("view", [], {"shape": []}, view)
    one("view", [1], {"shape": []}, view)
    one("view", [2], {"shape": []}, view)
    one("view", [4, 3], {"shape": [12]}, view, layout="permuted")
    one("view", [4, 3], {"shape": [2, 2, 3]}, view, layout="permuted")
    one("reshape", [4, 3], {"shape": [12]}, reshape, layout="permuted")
    one("reshape", [0, 3], {"shape": [3, -1, 0]}, reshape)
    one("reshape", [3, 4], {"shape": [5, -1]}, reshape)
    permute = lambda t, a: t.permute(a["dims"])  # noqa: E731
    one("permute", [3, 4], {"dims": [0, 1, 2]}, permute)
    one("permute", [3, 4], {"dims": [0]}, permute)
    one("permute", [3, 4], {"dims": [0, 0]}, permute)
    one("permute", [3, 4], {"dims": [0, 2]}, permute)
    one("permute", [3, 4], {"dims": [-1, -3]}, permute)
    one("permute", [], {"dims": []}, permute)
    one("permute", [], {"dims": [0]}, permute)
    transpose = lambda t, a: t.transpose(a["dim0"], a["dim1"])  # noqa: E731
    one("transpose", [3, 4], {"dim0": 0, "dim1": 2}, transpose)
    one("transpose", [3, 4], {"dim0": -3, "dim1": 0}, transpose)
    one("transpose", [3, 4], {"dim0": 1, "dim1": -1}, transpose)
    one("transpose", [], {"dim0": 0, "dim1": -1}, transpose)
    one("T", [], {}, lambda t, a: t.T)
    one("T", [2, 3, 4], {}, lambda t, a: t.T)
    unsq = lambda t, a: t.unsqueeze(a["dim"])  # noqa: E731
    one("unsqueeze", [3, 4], {"dim": 3}, unsq)
    one("unsqueeze", [3, 4], {"dim": -4}, unsq)
    one("unsqueeze", [], {"dim": -1}, unsq)
    one("unsqueeze", [], {"dim": 1}, unsq)
    sq = lambda t, a: t.squeeze(a["dim"])  # noqa: E731
    one("squeeze_dim", [3, 1], {"dim": 2}, sq)
    one("squeeze_dim", [], {"dim": 0}, sq)
    one("squeeze_dim", [], {"dim": -1}, sq)
    one("squeeze_dim", [], {"dim": 1}, sq)
    one("squeeze_dim", [1, 1, 0], {"dim": -2}, sq)
    fl = lambda t, a: t.flatten(a["start_dim"], a["end_dim"])  # noqa: E731
    one("flatten", [2, 3], {"start_dim": 1, "end_dim": 0}, fl)
    one("flatten", [2, 3], {"start_dim": 0, "end_dim": 2}, fl)
    one("flatten", [2, 3], {"start_dim": -1, "end_dim": 0}, fl)
    one("flatten", [], {"start_dim": 0, "end_dim": -1}, fl)
    one("flatten", [], {"start_dim": 1, "end_dim": -1}, fl)
    one("flatten", [3], {"start_dim": 0, "end_dim": 0}, fl)
    one("flatten", [2, 3, 4], {"start_dim": 1, "end_dim": 2}, fl, layout="permuted")
    ex = lambda t, a: t.expand(a["sizes"])  # noqa: E731
    one("expand", [3, 4], {"sizes": [4, 4]}, ex)
    one("expand", [3, 4], {"sizes": [4]}, ex)
    one("expand", [3, 4], {"sizes": [3]}, ex, dtype=torch.int64)
    one("expand", [3, 4], {"sizes": [3]}, ex, dtype=torch.bool)
    one("expand", [3, 4], {"sizes": [-1, -1, 4]}, ex)
    one("expand", [3, 4], {"sizes": [2, -1, -1]}, ex)
    one("expand", [3, 4], {"sizes": [-2, 4]}, ex)
    one("expand", [1], {"sizes": [-2]}, ex)
    one("expand", [], {"sizes": [2, 3]}, ex)
    one("expand", [], {"sizes": []}, ex)
    one("expand", [], {"sizes": [-1]}, ex)
    one("expand", [3, 1], {"sizes": [2, 3, -1]}, ex)
    one("expand", [3, 1], {"sizes": [0, 3, 0]}, ex)
    rep = lambda t, a: t.repeat(a["repeats"])  # noqa: E731
    one("repeat", [3, 4], {"repeats": [2]}, rep)
    one("repeat", [3, 4], {"repeats": [-1, 2]}, rep)
    one("repeat", [3, 4], {"repeats": [0, -1]}, rep)
    one("repeat", [3, 4], {"repeats": [2, 0]}, rep)
    one("repeat", [], {"repeats": [2, 3]}, rep)
    one("repeat", [2, 3], {"repeats": [2, 1, 2]}, rep, layout="permuted")
    # Empty tensors count as contiguous (and dense) whatever their strides.
    one("contiguous", [2, 0, 3], {}, lambda t, a: t.contiguous(), layout="permuted")
    one("clone", [4, 0, 3], {}, lambda t, a: t.clone(), layout="permuted")
    one("clone", [2, 3, 2], {}, lambda t, a: t.clone(), layout="stepped")
    one("clone", [2, 3, 2], {}, lambda t, a: t.clone(), layout="expanded")
    sel = lambda t, a: t.select(a["dim"], a["index"])  # noqa: E731
    one("select", [3, 5], {"dim": 0, "index": 5}, sel)
    one("select", [3, 5], {"dim": 1, "index": -6}, sel)
    one("select", [3, 5], {"dim": -1, "index": 5}, sel)
    one("select", [3, 5], {"dim": 2, "index": 0}, sel)
    one("select", [], {"dim": 0, "index": 0}, sel)
    nar = lambda t, a: t.narrow(a["dim"], a["start"], a["length"])  # noqa: E731
    one("narrow", [3, 5], {"dim": 1, "start": 2, "length": 5}, nar)
    one("narrow", [3, 5], {"dim": 1, "start": -6, "length": 1}, nar)
    one("narrow", [3, 5], {"dim": 1, "start": 6, "length": 0}, nar)
    one("narrow", [3, 5], {"dim": 1, "start": 5, "length": 0}, nar)
    one("narrow", [3, 5], {"dim": 1, "start": -1, "length": 1}, nar)
    one("narrow", [3, 5], {"dim": 1, "start": 1, "length": -1}, nar)
    one("narrow", [], {"dim": 0, "start": 0, "length": 1}, nar)
    ch = lambda t, a: t.chunk(a["chunks"], a["dim"])  # noqa: E731
    one("chunk", [3, 4], {"chunks": 0, "dim": 0}, ch)
    one("chunk", [3, 4], {"chunks": -1, "dim": 0}, ch)
    one("chunk", [3, 4], {"chunks": 2, "dim": 2}, ch)
    one("chunk", [], {"chunks": 2, "dim": 0}, ch)
    one("chunk", [0, 3], {"chunks": 3, "dim": 0}, ch)
    one("chunk", [6], {"chunks": 4, "dim": 0}, ch)
    one("chunk", [5], {"chunks": 4, "dim": 0}, ch)
    sp = lambda t, a: t.split(a["split_size"], a["dim"])  # noqa: E731
    one("split", [3, 4], {"split_size": 0, "dim": 0}, sp)
    one("split", [3, 4], {"split_size": -1, "dim": 0}, sp)
    one("split", [3, 4], {"split_size": 1, "dim": 3}, sp)
    one("split", [0], {"split_size": 0, "dim": 0}, sp)
    one("split", [0], {"split_size": 2, "dim": 0}, sp)
    one("split", [5], {"split_size": 7, "dim": 0}, sp)
    one("split", [], {"split_size": 1, "dim": 0}, sp)
    sps = lambda t, a: t.split(a["split_sizes"], a["dim"])  # noqa: E731
    one("split_sizes", [3, 4], {"split_sizes": [1, 1], "dim": 0}, sps)
    one("split_sizes", [3, 4], {"split_sizes": [1, 1], "dim": -1}, sps)
    one("split_sizes", [3, 4], {"split_sizes": [1, -1, 3], "dim": 0}, sps)
    one("split_sizes", [5], {"split_sizes": [2, 5], "dim": 0}, sps)
    one("split_sizes", [5], {"split_sizes": [], "dim": 0}, sps)
    one("split_sizes", [5], {"split_sizes": [0, 5, 0], "dim": 0}, sps)
    one("split_sizes", [], {"split_sizes": [1], "dim": 0}, sps)

    def many(op, specs, args, fn):
        xs, bases = [], []
        for shape, dtype in specs:
            x, b = make(shape, dtype)
            xs.append(x)
            bases.append(b)
        cases.append(list_case(op, xs, bases, args, fn))

    f, i, b = torch.float32, torch.int64, torch.bool
    cat = lambda d: (lambda ts: torch.cat(ts, d))  # noqa: E731
    stack = lambda d: (lambda ts: torch.stack(ts, d))  # noqa: E731
    many("cat", [], {"dim": 0}, cat(0))
    many("cat", [([3, 4], f), ([2, 3], f)], {"dim": 0}, cat(0))
    many("cat", [([3, 4], f), ([2, 3], f)], {"dim": 1}, cat(1))
    many("cat", [([3, 4], f), ([3], f)], {"dim": 0}, cat(0))
    many("cat", [([3, 4], f), ([0], f)], {"dim": 0}, cat(0))
    many("cat", [([3, 4], f), ([0], i)], {"dim": 1}, cat(1))
    many("cat", [([3, 4], f), ([2, 0], f)], {"dim": 0}, cat(0))
    many("cat", [([3, 4], f), ([3, 4, 1], f)], {"dim": 0}, cat(0))
    many("cat", [([3, 4], f), ([3, 4], f)], {"dim": 2}, cat(2))
    many("cat", [([], f), ([], f)], {"dim": 0}, cat(0))
    many("cat", [([3, 4], f), ([], f)], {"dim": 0}, cat(0))
    many("cat", [([0], f), ([0], f)], {"dim": 1}, cat(1))
    many("cat", [([0], f), ([0], b)], {"dim": 5}, cat(5))
    many("cat", [([0], f), ([3, 4], f)], {"dim": 5}, cat(5))
    many("cat", [([0], f), ([2, 3], b), ([0], i)], {"dim": 1}, cat(1))
    many("cat", [([0], f), ([2, 3], f)], {"dim": -3}, cat(-3))
    many("cat", [([0], f), ([2, 3], f), ([3], f)], {"dim": -1}, cat(-1))
    many("cat", [([3], i), ([2], b)], {"dim": 0}, cat(0))
    many("cat", [([3], i), ([0], f)], {"dim": 0}, cat(0))
    many("cat", [([0, 3], f), ([2, 3], f)], {"dim": 0}, cat(0))
    many("cat", [([0, 2], f), ([2, 3], f)], {"dim": 0}, cat(0))
    many("stack", [], {"dim": 0}, stack(0))
    many("stack", [([2], f), ([3], f)], {"dim": 0}, stack(0))
    many("stack", [([2], f), ([2, 1], f)], {"dim": 0}, stack(0))
    many("stack", [([0], f), ([2], f)], {"dim": 0}, stack(0))
    many("stack", [([2], f), ([2], f)], {"dim": 2}, stack(2))
    many("stack", [([2], f), ([2], f)], {"dim": -3}, stack(-3))
    many("stack", [([2], f), ([2], i)], {"dim": 1}, stack(1))
    many("stack", [([], i), ([], i)], {"dim": 0}, stack(0))
    many("stack", [([0], f), ([0], f)], {"dim": 0}, stack(0))
    many("stack", [([0, 2], f), ([0, 2], f)], {"dim": 1}, stack(1))
    return cases


def main():
    random.seed(1913)
    torch.manual_seed(1913)
    cases = single_input_cases() + join_cases() + fixed_cases()
    path = pathlib.Path(__file__).with_name("views.json")
    write_doc(path, "tests/golden/generate_views.py", cases)
    errors = sum(1 for c in cases if "error" in c)
    print(f"wrote {path} ({len(cases)} cases, {errors} errors, {path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
