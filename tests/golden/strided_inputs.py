"""Random strided inputs for the view and indexing generators.

An input is written as the 1-d storage it lives in plus its layout:
{"storage": tensor_json(flat storage), "shape": [...], "strides": [...],
 "offset": n}. The C++ tests rebuild it with as_strided, so contiguous,
permuted, step-sliced and expanded inputs reach the code under test exactly
as PyTorch saw them. The storage always has an element before the tensor's
first one, so "shares storage" can be told apart from an empty copy.
"""
import json
import random

import torch

from torch_json import tensor_json

LAYOUTS = ["contiguous", "permuted", "stepped", "expanded"]


def values(n, dtype):
    if dtype == torch.float32:
        return torch.randn(n)
    if dtype == torch.int64:
        return torch.randint(-9, 10, (n,))
    return torch.randint(0, 2, (n,)).bool()


def numel(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def _contiguous(shape, dtype):
    base = values(numel(shape) + 1, dtype)
    return base[1:].view(shape), base


def make(shape, dtype=torch.float32, layout="contiguous"):
    """A tensor of `shape` laid out as `layout`; returns (x, base storage)."""
    shape = list(shape)
    nd = len(shape)
    if layout == "permuted" and nd >= 2:
        perm = list(range(nd))
        while perm == list(range(nd)):
            random.shuffle(perm)
        y, base = _contiguous([shape[p] for p in perm], dtype)
        inverse = [perm.index(d) for d in range(nd)]
        return y.permute(inverse), base
    if layout == "stepped" and nd >= 1:
        d = random.randrange(nd)
        bigger = list(shape)
        bigger[d] = shape[d] * 2 + random.randint(0, 1)
        y, base = _contiguous(bigger, dtype)
        index = [slice(None)] * nd
        index[d] = slice(random.randint(0, 1), None, 2)
        x = y[tuple(index)]
        index[d] = slice(0, shape[d])
        return x[tuple(index)], base
    if layout == "expanded" and nd >= 1:
        d = random.randrange(nd)
        small = list(shape)
        small[d] = 1
        y, base = _contiguous(small, dtype)
        return y.expand(shape), base
    return _contiguous(shape, dtype)


def describe(x, base):
    return {"storage": tensor_json(base), "shape": list(x.shape), "strides": list(x.stride()),
            "offset": x.storage_offset()}


def shares(r, base):
    return r.storage().data_ptr() == base.storage().data_ptr()


def result_json(r, base, x=None):
    """A result with its layout and whether it is a view of the input."""
    j = tensor_json(r)
    j["strides"] = list(r.stride())
    j["offset"] = r.storage_offset()
    j["shares"] = shares(r, base)
    if x is not None:
        j["same"] = r is x
    return j


def random_shape(max_dims=5, max_size=5):
    nd = random.randint(0, max_dims)
    cap = max_size if nd <= 3 else 4
    return [random.randint(0, cap) if random.random() < 0.15 else random.randint(1, cap) for _ in range(nd)]


def random_dtype():
    r = random.random()
    return torch.float32 if r < 0.6 else (torch.int64 if r < 0.85 else torch.bool)


def write_doc(path, generator, cases):
    """The golden file with one case per line, compact but diff-friendly."""
    head = json.dumps({"generator": generator, "torch": torch.__version__}, separators=(",", ":"))[:-1]
    body = ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases)
    path.write_text(head + ',"cases":[\n' + body + "\n]}\n")
