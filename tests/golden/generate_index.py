#!/usr/bin/python3
"""Write tests/golden/index.json: PyTorch 1.13's tensor indexing x[...] and
index assignment x[...] = value on random shapes and layouts: basic indexing
(ints, slices, None, Ellipsis: views), advanced indexing (int64 index
tensors, bool masks of every rank, Python bools: copies), mixed forms, the
storage after each assignment, Tensor.index_put_ with accumulate, and every
error with its exact text.

An index entry is {"int": n}, {"slice": [start, stop, step]} (null for a
part left out), {"none": true}, {"ellipsis": true}, {"bool": b} or
{"tensor": tensor}. One entry is the bare subscript x[e], several the tuple
x[e0, e1, ...].

Run with /usr/bin/python3 tests/golden/generate_index.py (Debian's
python3-torch 1.13). The tests read the committed JSON, never PyTorch.
"""
import pathlib
import random
import warnings

import torch

from strided_inputs import LAYOUTS, describe, make, random_dtype, random_shape, result_json, shares, values, write_doc
from torch_json import tensor_json

warnings.filterwarnings("ignore")  # index_put_ on expanded tensors warns


class Entry:
    """One subscript entry, as Python and as JSON."""

    def __init__(self, py, js):
        self.py = py
        self.js = js


def e_int(n):
    return Entry(n, {"int": n})


def e_slice(a=None, b=None, c=None):
    return Entry(slice(a, b, c), {"slice": [a, b, c]})


def e_none():
    return Entry(None, {"none": True})


def e_ellipsis():
    return Entry(Ellipsis, {"ellipsis": True})


def e_bool(b):
    return Entry(b, {"bool": b})


def e_tensor(t):
    return Entry(t, {"tensor": tensor_json(t)})


def subscript(entries):
    return entries[0].py if len(entries) == 1 else tuple(e.py for e in entries)


def index_values(size, count, unique):
    """count indices into a dim of `size`, some negative; unique ones if asked."""
    if unique:
        picks = random.sample(range(size), count)
    else:
        picks = [random.randrange(size) for _ in range(count)]
    return [p - size if random.random() < 0.3 else p for p in picks]


def random_index_tensor(size, shape, unique):
    n = 1
    for s in shape:
        n *= s
    if size == 0 or (unique and n > size):
        shape = [0]
        n = 0
    return torch.tensor(index_values(size, n, unique), dtype=torch.int64).reshape(shape)


def gen_entries(sizes, index_shape, unique, must_consume):
    """Entries consuming dims of the given sizes from the first."""
    entries, d = [], 0
    while d < len(sizes):
        if not must_consume and random.random() < 0.2:
            break
        s = sizes[d]
        r = random.random()
        if r < 0.18 and s > 0:
            entries.append(e_int(random.randint(-s, s - 1)))
            d += 1
        elif r < 0.45:
            lo = random.choice([None, random.randint(-s - 2, s + 2)])
            hi = random.choice([None, random.randint(-s - 2, s + 2)])
            entries.append(e_slice(lo, hi, random.choice([None, 1, 2, 3])))
            d += 1
        elif r < 0.52:
            entries.append(e_none())
        elif r < 0.55:
            entries.append(e_bool(random.random() < 0.7))
        elif r < 0.72:
            shape = index_shape[random.randint(0, len(index_shape)):] if random.random() < 0.3 else index_shape
            entries.append(e_tensor(random_index_tensor(s, shape, unique)))
            d += 1
        elif r < 0.76 and s > 0:
            entries.append(e_tensor(torch.tensor(random.randint(-s, s - 1))))
            d += 1
        elif r < 0.93:
            k = random.randint(1, min(3, len(sizes) - d))
            mask = torch.rand(sizes[d:d + k]) < 0.5
            entries.append(e_tensor(mask))
            d += k
        else:
            entries.append(e_tensor(torch.tensor(random.random() < 0.7)))
    return entries, d


def random_index(shape, unique=False):
    index_shape = [random.randint(0, 3) for _ in range(random.randint(1, 2))]
    nd = len(shape)
    if random.random() < 0.3:
        before, used = gen_entries(shape, index_shape, unique, False)
        tail = random.randint(0, nd - used)
        after, _ = gen_entries(shape[nd - tail:], index_shape, unique, True)
        entries = before + [e_ellipsis()] + after
    else:
        entries, _ = gen_entries(shape, index_shape, unique, False)
    if not entries:
        entries = [random.choice([e_ellipsis(), e_slice(), e_none()])]
    return entries


def get_case(x, base, entries):
    case = {"kind": "get", "input": describe(x, base), "index": [e.js for e in entries]}
    try:
        r = x[subscript(entries)]
    except Exception as e:  # noqa: BLE001 - PyTorch's error is the expected output
        case["error"] = {"error": type(e).__name__, "message": str(e)}
        return case
    case["result"] = result_json(r, base)
    return case


def value_json(v):
    if isinstance(v, torch.Tensor):
        return {"tensor": tensor_json(v)}
    return {"scalar": v}


def set_case(x, base, entries, value):
    case = {"kind": "set", "input": describe(x, base), "index": [e.js for e in entries],
            "value": value_json(value)}
    try:
        x[subscript(entries)] = value
    except Exception as e:  # noqa: BLE001
        case["error"] = {"error": type(e).__name__, "message": str(e)}
        return case
    case["storage_after"] = tensor_json(base)
    return case


def random_value(shape, dtype):
    r = random.random()
    if r < 0.25:
        return random.choice([random.randint(-5, 5), round(random.uniform(-5, 5), 2), random.random() < 0.5])
    if r < 0.4:
        shape = shape[random.randint(0, len(shape)):]  # fewer dims
    elif r < 0.5:
        shape = [1 if random.random() < 0.5 else s for s in shape]
    elif r < 0.55:
        shape = [1, 1] + list(shape)
    elif r < 0.6:
        shape = [s + 1 for s in shape] or [2]  # will not broadcast
    if random.random() < 0.15:
        dtype = random_dtype()
    n = 1
    for s in shape:
        n *= s
    return values(n, dtype).reshape(shape)


def random_get_cases(n):
    cases = []
    for _ in range(n):
        x, base = make(random_shape(4, 4), random_dtype(), random.choice(LAYOUTS))
        cases.append(get_case(x, base, random_index(list(x.shape))))
    return cases


def random_set_cases(n):
    cases = []
    for _ in range(n):
        layout = random.choice(["contiguous", "permuted", "stepped"])
        x, base = make(random_shape(4, 4), random_dtype(), layout)
        entries = random_index(list(x.shape), unique=True)
        try:
            target = list(x[subscript(entries)].shape)
        except Exception:  # noqa: BLE001 - the assignment will record the error
            target = []
        cases.append(set_case(x, base, entries, random_value(target, x.dtype)))
    return cases


def t(values, dtype=torch.int64):
    return torch.tensor(values, dtype=dtype)


def fixed_get_cases():
    cases = []

    def get(shape, entries, dtype=torch.int64, layout="contiguous"):
        x, base = make(shape, dtype, layout)
        cases.append(get_case(x, base, entries))

    S = e_slice
    B = torch.bool
    get([2, 3, 4], [e_int(5)])
    get([2, 3, 4], [e_int(1), e_int(5)])
    get([2, 3, 4], [e_int(1), S(), e_int(5)])
    get([2, 3, 4], [e_none(), e_int(1), e_none(), e_int(5)])
    get([2, 3, 4], [e_ellipsis(), e_int(5)])
    get([2, 3, 4], [e_int(-3)])
    get([2, 3, 4], [e_int(0), e_int(0), e_int(0), e_int(0)])
    get([3, 4], [e_int(0), e_int(0), e_int(0)])
    get([2, 3, 4], [e_int(0), e_ellipsis(), e_int(0), e_int(0), e_int(0)])
    get([2, 3, 4], [S(None, None, -1)])
    get([2, 3, 4], [S(None, None, 0)])
    get([2, 3, 4], [e_int(0), S(1, None, -2)])
    # Several Ellipsis: PyTorch 1.13 skips dims again for each (no error).
    get([2, 3, 4], [e_ellipsis(), e_ellipsis()])
    get([2, 3, 4], [e_ellipsis(), e_int(0), e_ellipsis()])
    get([2, 3, 4], [e_int(0), e_ellipsis(), e_ellipsis()])
    get([2, 3, 4], [e_ellipsis(), e_ellipsis(), e_int(0)])
    get([2, 3, 4], [e_ellipsis(), e_int(1), e_ellipsis(), e_int(2)])
    get([2, 3, 4], [e_ellipsis(), e_int(1), e_int(2), e_ellipsis(), e_int(3)])
    get([2, 3, 4], [e_none(), e_ellipsis(), e_none(), e_ellipsis()])
    get([2, 3, 4], [e_ellipsis(), e_ellipsis(), e_tensor(t([0]))])
    get([2, 3, 4], [e_ellipsis(), e_ellipsis(), S(0, 1)])
    get([2, 3, 4], [e_ellipsis(), e_ellipsis(), e_none(), e_none()])
    get([2, 3, 4], [e_ellipsis(), e_int(0), e_tensor(t(0))])
    # Index tensors.
    get([2, 3, 4], [e_tensor(t([0, 7]))])
    get([2, 3, 4], [S(), e_tensor(t([0, 7]))])
    get([2, 3, 4], [S(), e_tensor(t([0, -4]))])
    get([2, 3, 4], [S(), e_tensor(t([0, -3]))])
    get([2, 3, 4], [e_tensor(t([0., 1.], torch.float32))])
    get([2, 3, 4], [e_tensor(t([0, 1])), e_tensor(t([0, 1, 2]))])
    get([2, 3, 4], [e_tensor(t([[0], [1]])), e_tensor(t([0, 1, 2]))])
    get([2, 3, 4], [e_tensor(t([1, 1, 0, 1]))])
    get([2, 3, 4], [e_tensor(t([[1, 1], [0, 1]])), S(), e_tensor(t([3, 3]))])
    get([2, 3, 4], [e_int(0), S(), e_tensor(t([0, 1]))])
    get([2, 3, 4], [e_tensor(t([0, 1])), S(), e_tensor(t([0, 1]))])
    get([2, 3, 4], [e_tensor(t([0, 1])), e_none(), e_tensor(t([0, 1]))])
    get([2, 3, 4], [e_tensor(t([[0, 1]])), S(1, None), e_tensor(t([0, 1]))])
    get([2, 3, 4], [S(1, None), e_tensor(t([[0, 1]])), e_tensor(t([0, 1]))])
    get([2, 3, 4], [e_tensor(t([0, 1])), e_int(0), e_tensor(t([0, 1]))])
    get([2, 3, 4], [e_tensor(t([], torch.int64))])
    get([2, 3, 4], [e_tensor(t([[]], torch.int64))])
    get([0, 3], [e_tensor(t([0]))])
    get([0, 3], [S(), e_tensor(t([0, 2]))])
    get([0, 3], [S(), e_tensor(t([0, 5]))])
    get([2, 3, 4], [e_tensor(t(1))])
    get([2, 3, 4], [e_int(0), e_tensor(t(1))])
    get([2, 3, 4], [e_tensor(t(5))])
    get([2, 3, 4], [e_int(0), e_tensor(t(5))])
    get([2, 3, 4], [e_tensor(t(1)), S(), e_tensor(t([0, 1]))])
    get([4, 3], [e_tensor(t([0, 2]))], layout="permuted")
    get([4, 3], [S(), e_tensor(t([0, 2]))], layout="permuted")
    get([4, 3, 2], [S(), e_tensor(t([0, 2]))], layout="permuted")
    get([4, 3, 2], [S(None, None, 2), S(), e_tensor(t([1, 0]))], layout="permuted")
    get([3, 4], [e_tensor(t([[0, 1], [1, 2]]))], layout="expanded")
    # Masks.
    get([2, 3, 4], [e_tensor(t([True, False, True], B))])
    get([2, 3, 4], [S(), e_tensor(t([True, False, True, True], B))])
    get([2, 3, 4], [e_tensor(torch.ones(2, 4, dtype=B))])
    get([2, 3, 4], [e_tensor(torch.ones(2, 3, 4, 5, dtype=B))])
    get([2, 3, 4], [e_tensor(torch.ones(2, 3, 4, dtype=B)), e_int(0)])
    get([2, 3, 4], [e_tensor(t([[True, False, True], [False, True, True]], B)), e_int(0)])
    get([2, 3, 4], [e_tensor(t([[True, False, True], [False, True, True]], B)), S(1, 3)])
    get([2, 3, 4], [e_ellipsis(), e_tensor(t([True, False, True], B))])
    get([2, 3, 4], [S(), e_tensor(t([True, False, True], B))])
    get([2, 3, 4], [e_int(0), e_tensor(t([True, False, True], B))])
    get([2, 3, 4], [e_tensor(t([[True, False, True], [False, False, False]], B))])
    get([2, 3, 4], [e_tensor(torch.zeros(2, 3, 4, dtype=B))])
    get([2, 3, 4], [e_tensor(torch.rand(2, 3, 4) < 0.4)])
    get([2, 3, 4], [e_tensor(torch.rand(2, 3, 4) < 0.4)], layout="permuted")
    get([2, 3, 4], [e_tensor(t([0, 1])), e_tensor(t([True, False, True], B))])
    get([2, 3, 4], [e_tensor(t([0, 1])), e_tensor(t([True, False, True], B)), e_tensor(t([0, 1]))])
    get([2, 3, 4], [e_tensor(t([0, 1])), e_tensor(t([True, False, True], B)), e_tensor(t([0]))])
    get([2, 3, 4], [e_tensor(t([0, 1])), e_tensor(t([True, True, True], B))])
    get([2, 3, 4], [e_tensor(torch.rand(2, 3) < 0.5)])
    get([2, 3, 4], [S(), e_tensor(torch.rand(3, 4) < 0.5)])
    get([2, 3, 4], [e_int(1), e_tensor(torch.rand(3, 4) < 0.5)])
    get([2, 3, 4], [e_tensor(torch.rand(2, 3) < 0.5), e_ellipsis()])
    get([2, 3, 4], [e_none(), e_tensor(torch.rand(2, 3) < 0.5)])
    get([2, 3, 4], [e_ellipsis(), e_tensor(torch.rand(3, 4) < 0.5)])
    get([2, 3, 4], [S(None, None, 2), e_tensor(torch.rand(3, 4) < 0.5)], layout="permuted")
    get([2, 3, 4], [e_tensor(torch.rand(2, 3) < 0.5)], dtype=torch.bool, layout="stepped")
    get([2, 3, 4, 2], [e_tensor(torch.rand(2, 3, 4) < 0.5)], layout="permuted")
    get([2, 2, 3, 2], [e_tensor(torch.rand(2, 2, 3, 2) < 0.5)], layout="stepped")
    get([2, 1, 2, 3, 2], [e_tensor(torch.rand(2, 1, 2, 3, 2) < 0.5)], layout="permuted")
    get([2, 1, 2, 3, 2], [S(), e_tensor(torch.rand(1, 2, 3, 2) < 0.5)])
    # Python bools and 0-d bool tensors.
    get([2, 3, 4], [e_bool(True)])
    get([2, 3, 4], [e_bool(False)])
    get([2, 3, 4], [e_bool(True), e_int(0)])
    get([2, 3, 4], [e_none(), e_bool(True), e_int(1)])
    get([2, 3, 4], [e_tensor(t(True, B))])
    get([2, 3, 4], [e_tensor(t(False, B))])
    get([2, 3, 4], [e_int(1), e_bool(False), S()])
    # 0-d tensors.
    for entries in ([e_int(0)], [e_int(5)], [e_int(-1)], [e_ellipsis()], [e_none()], [e_bool(True)],
                    [e_tensor(t(True, B))], [e_tensor(t(False, B))], [S()], [e_tensor(t([0]))],
                    [e_tensor(t([0, 0]))], [e_none(), e_ellipsis()], [e_int(0), e_none()],
                    [e_tensor(t(3))]):
        get([], entries, torch.float32)
    # Plain basic forms: views, with steps and clamped bounds.
    get([2, 3, 4], [e_int(1)])
    get([2, 3, 4], [S(1, None), e_int(0)])
    get([2, 3, 4], [e_none()])
    get([2, 3, 4], [e_ellipsis()])
    get([2, 3, 4], [S()])
    get([2, 3, 4], [S(1, 1)])
    get([2, 3, 4], [S(5, None)])
    get([2, 3, 4], [S(-10, 1)])
    get([2, 3, 4], [S(), S(4, 1)])
    get([2, 3, 4], [S(1, None), e_none(), e_ellipsis(), e_none(), S(None, None, 2)])
    get([5, 4], [S(-4, -1, 2), S(None, None, 3)], layout="stepped")
    get([5, 4], [e_ellipsis(), e_int(-1)], layout="expanded")
    return cases


def fixed_set_cases():
    cases = []

    def put(shape, entries, value, dtype=torch.float32, layout="contiguous"):
        x, base = make(shape, dtype, layout)
        cases.append(set_case(x, base, entries, value))

    S = e_slice
    B = torch.bool
    f = torch.float32
    put([3, 4], [e_tensor(t([0, 1]))], t([1, 2, 3, 4]))
    put([3, 4], [e_tensor(t([0, 1]))], torch.ones(3, 4))
    put([3, 4], [e_tensor(t([0, 1]))], torch.ones(4))
    put([3, 4], [e_tensor(t([0, 1])), e_tensor(t([0, 1]))], torch.ones(4))
    put([3, 4], [e_tensor(t([0, 1]))], torch.ones(1, 1, 4))
    put([3, 4], [e_tensor(t([0, 1]))], torch.ones(3))
    put([3, 4], [e_tensor(t([True, False, True], B))], t(7.))
    put([3, 4], [e_tensor(t([True, False, True], B))], t([7.]))
    put([3, 4], [e_tensor(t([True, False, True], B))], t([[7.]]))
    put([3, 4], [e_tensor(t([True, False, True], B))], t([7, 8, 9, 10]))
    put([3, 4], [e_tensor(t([True, False, True], B))], t([7., 8, 9, 10]))
    put([3, 4], [e_tensor(t([True, False, True, True], B))], t(7.))
    put([3, 4], [e_tensor(t([True, False, True, True], B))], t([7., 8]))
    put([3, 4], [S(), e_tensor(t([True, False, True, True], B))], 7.5)
    put([3, 4], [e_tensor(torch.rand(3, 4) < 0.5)], 2)
    put([3, 4], [e_tensor(torch.rand(3, 4) < 0.5)], -1.5, dtype=torch.int64)
    put([3, 4], [e_tensor(t([0, 5]))], 1.)
    put([3, 4], [e_tensor(t([0, 5]))], torch.ones(2, 4))
    put([3, 4], [S(), e_tensor(t([1, -5]))], torch.ones(3, 2))
    put([3, 4], [e_int(0)], torch.ones(3))
    put([3, 4], [e_int(0)], torch.ones(2, 4))
    put([3, 4], [e_int(0)], torch.ones(1, 1, 4))
    put([3, 4], [e_int(0)], torch.ones(2, 1, 4))
    put([3, 4], [e_int(0)], t([1, 2, 3, 4]))
    put([3, 4], [e_int(0)], 2.5)
    put([3], [e_int(0)], 2.7, dtype=torch.int64)
    put([3], [e_tensor(t([0, 1]))], 2.7, dtype=torch.int64)
    put([3], [e_tensor(t([0, 1]))], -2.7, dtype=torch.int64)
    put([3], [e_tensor(t([0, 1]))], 2.7, dtype=torch.bool)
    put([3], [e_tensor(t([0, 1]))], True, dtype=torch.int64)
    put([3], [e_tensor(t([True, False, True], B))], t(2.7), dtype=torch.int64)
    put([3], [e_tensor(t([True, False, True], B))], t([2.7, 3.1]), dtype=torch.int64)
    put([3, 4], [S(), e_tensor(t([0, 1]))], torch.ones(3))
    put([3, 4], [e_int(0), S(), e_none()], torch.ones(4))
    put([3, 4], [e_ellipsis()], torch.ones(5))
    put([3, 4], [e_none()], torch.ones(5))
    put([3, 4], [S(0, 1)], torch.ones(5))
    put([3, 4], [e_bool(True)], torch.ones(5))
    put([3, 4], [e_bool(False)], torch.ones(5))
    put([3, 4], [e_bool(True)], torch.arange(4.))
    put([3, 4], [e_int(0), e_bool(True)], torch.arange(4.))
    put([3, 4], [e_int(0), e_bool(False)], torch.arange(4.))
    put([3, 4], [e_int(0), e_int(0), e_int(0)], 1)
    put([3, 4], [e_int(7)], 1)
    put([3, 4], [S(None, None, -1)], 1)
    put([3, 4], [S(None, None, 0)], 1)
    put([3, 4], [e_ellipsis(), e_ellipsis()], 1)
    put([], [e_int(0)], 1)
    put([], [e_ellipsis()], 2)
    put([], [e_none()], 2)
    put([], [e_tensor(t(True, B))], 2)
    put([], [e_tensor(t(False, B))], 2)
    put([], [e_tensor(t(True, B))], t([2., 3.]))
    put([3, 4], [e_tensor(t([[0, 1], [2, 0]])), e_tensor(t([3, 2]))], torch.arange(4.).reshape(2, 2))
    put([2, 3, 4], [e_tensor(t([0, 1])), S(), e_tensor(t([0, 2]))], torch.arange(6.).reshape(2, 3))
    put([2, 3, 4], [e_int(1), S(), e_tensor(t([0, 2]))], torch.arange(6.).reshape(3, 2))
    put([4, 3], [e_tensor(t([0, 2]))], torch.arange(3.), layout="permuted")
    put([4, 3], [S(None, None, 2), e_tensor(t([2, 0]))], torch.arange(2.), layout="stepped")
    # Duplicate indices: the last write wins on CPU.
    put([4], [e_tensor(t([1, 1, 1]))], t([1., 2., 3.]))
    put([3, 2], [e_tensor(t([0, 2, 0]))], t([[1., 2.], [3., 4.], [5., 6.]]))
    # Dtype of the value.
    put([3, 4], [e_int(1)], t([1, 2, 3, 4]), dtype=torch.bool)
    put([3, 4], [S(1, None)], t(True), dtype=f)
    put([3, 4], [e_tensor(t([0, 2]))], t([1, 2, 3, 4]), dtype=torch.int64)
    put([3, 4], [e_tensor(t([0, 2]))], t([1., 2, 3, 4]), dtype=torch.int64)
    put([3, 4], [e_tensor(t([0., 2.], f))], 1.)
    # Expanded (self-overlapping) destinations.
    put([3, 4], [S(0, 2)], torch.ones(4), layout="expanded")
    put([3, 4], [S(0, 2)], 1., layout="expanded")
    put([3, 4], [e_tensor(t([0]))], torch.ones(4), layout="expanded")
    put([3, 4], [e_tensor(t([True, False, True], B))], 2., layout="expanded")
    # Shapes that broadcast or not.
    put([2, 3, 4], [e_ellipsis(), e_int(0)], torch.arange(3.).reshape(3, 1))
    put([2, 3, 4], [e_ellipsis(), e_int(0)], torch.arange(6.).reshape(2, 3))
    put([2, 3, 4], [e_ellipsis(), e_int(0)], torch.arange(2.))
    put([2, 3, 4], [e_tensor(torch.rand(2, 3) < 0.5)], torch.arange(4.))
    put([2, 3, 4], [e_tensor(torch.ones(2, 3, dtype=B))], torch.arange(24.).reshape(6, 4))
    put([2, 3, 4], [e_tensor(torch.ones(2, 3, dtype=B))], torch.arange(6.))
    put([0, 3], [S(), e_tensor(t([0, 5]))], 1.)
    m23 = t([[True, False, True], [False, True, True]], B)
    put([2, 3, 4], [e_tensor(m23)], torch.arange(16.).reshape(4, 4))
    put([2, 3, 4], [e_tensor(m23)], torch.arange(4.))
    put([2, 3, 4], [e_tensor(m23)], torch.arange(4.), layout="permuted")
    put([2, 3, 4], [S(), e_tensor(torch.rand(3, 4) < 0.5)], torch.arange(2.).reshape(2, 1))
    put([2, 3, 4], [e_int(1), e_tensor(torch.rand(3, 4) < 0.5)], -3.)
    put([2, 3, 4], [e_tensor(torch.rand(2, 3, 4) < 0.5)], 9, dtype=torch.int64, layout="stepped")
    put([2, 3, 4], [e_tensor(m23), e_int(0)], 1.)
    put([2, 3, 4], [e_tensor(m23), e_ellipsis()], t([1., 2., 3., 4.]))
    put([0, 3], [e_tensor(t([0]))], 1.)
    return cases


def overlap_cases():
    """Assignments whose value is a view of the same storage."""
    cases = []
    specs = [
        ([e_slice(1, None)], lambda x: x[:-1]),
        ([e_slice()], lambda x: x[[4, 3, 2, 1, 0]]),
        ([e_ellipsis()], lambda x: x),
        ([e_slice()], lambda x: x[:]),
        ([e_tensor(t([0, 1]))], lambda x: x[2:4]),
        ([e_tensor(t([0, 1]))], lambda x: x[0:2]),
        ([e_tensor(t([0, 1]))], lambda x: x[0]),
        ([e_slice(0, 2)], lambda x: x[3:5]),
        ([e_slice(0, 2)], lambda x: x[1]),
        ([e_slice(0, 2)], lambda x: x[1:2]),
        ([e_tensor(t([True, False, True, False, False], torch.bool))], lambda x: x[3:5]),
    ]
    for entries, value_of in specs:
        x, base = make([5], torch.float32)
        case = {"kind": "set", "input": describe(x, base), "index": [e.js for e in entries]}
        value = value_of(x)
        if shares(value, base):
            case["value"] = {"view": {"shape": list(value.shape), "strides": list(value.stride()),
                                      "offset": value.storage_offset()}}
        else:
            case["value"] = value_json(value)
        try:
            x[subscript(entries)] = value
            case["storage_after"] = tensor_json(base)
        except Exception as e:  # noqa: BLE001
            case["error"] = {"error": type(e).__name__, "message": str(e)}
        cases.append(case)
    return cases


def put_cases():
    """Tensor.index_put_(indices, values, accumulate): duplicates add up."""
    cases = []
    f, i, b = torch.float32, torch.int64, torch.bool
    specs = [
        ([3, 4], f, [t([0, 0, 2])], torch.ones(3, 4), True),
        ([3, 4], f, [t([0, 0, 2]), t([1, 1, -1])], t([1., 2., 3.]), True),
        ([3, 4], f, [t([1, 1]), t([0, 3])], t([[1.], [2.]]), True),
        ([3, 4], f, [t([True, False, True])], t(5.), True),
        ([3, 4], f, [t([True, False, True])], t(5.), False),
        ([5], i, [t([4, 4, 4, 0])], t([1, 2, 3, 4]), True),
        ([5], i, [t([4, 4, 4, 0])], t([1., 2., 3., 4.]), True),
        ([5], f, [t([1, 6])], t(1.), True),
        ([5], f, [t([1, 2])], torch.ones(3), True),
        ([2, 2], b, [t([0, 0]), t([1, 1])], t([True, False]), True),
        ([3, 4], f, [t([0, 1])], t([1., 2., 3., 4.]), False),
        ([3, 4], f, [t([0]), t([0]), t([0])], t(1.), False),
        ([3, 4], f, [t([0, 0, 1])], torch.arange(12.).reshape(3, 4), True),
    ]
    for shape, dtype, indices, values_, accumulate in specs:
        x, base = make(shape, dtype)
        case = {"kind": "put", "input": describe(x, base),
                "indices": [tensor_json(index) for index in indices],
                "value": tensor_json(values_), "accumulate": accumulate}
        try:
            x.index_put_(tuple(indices), values_, accumulate=accumulate)
            case["storage_after"] = tensor_json(base)
        except Exception as e:  # noqa: BLE001
            case["error"] = {"error": type(e).__name__, "message": str(e)}
        cases.append(case)
    return cases


def main():
    random.seed(2013)
    torch.manual_seed(2013)
    cases = (random_get_cases(140) + random_set_cases(110) + fixed_get_cases() + fixed_set_cases() +
             overlap_cases() + put_cases())
    path = pathlib.Path(__file__).with_name("index.json")
    write_doc(path, "tests/golden/generate_index.py", cases)
    errors = sum(1 for c in cases if "error" in c)
    print(f"wrote {path} ({len(cases)} cases, {errors} errors, {path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
