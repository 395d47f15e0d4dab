#!/usr/bin/python3
"""Write tests/golden/autograd.json from PyTorch 1.13 (Debian's python3-torch).

Run with /usr/bin/python3 tests/golden/generate_autograd.py. For each
differentiable op (native/autograd/ops_*.hpp) and a few shapes, including
broadcasting: the inputs (all requiring grad), the forward result, the
printed grad_fn name, a random upstream gradient and the input gradients.
Plus composite graphs (MLP-like, diamond, in-place on non-leaves). The C++
test (tests/native/autograd/test_ops_golden.cpp) maps each "op" to the same
call on lesson::autograd.
"""
import json
import pathlib

import torch
import torch.nn.functional as F

from torch_json import tensor_json

torch.manual_seed(1913)
CASES = []


def pos(*s):
    return torch.rand(s) + 0.5


def case(op, inputs, fn, args=None):
    leaves = [t.detach().clone().requires_grad_(True) for t in inputs]
    out = fn(*leaves, **(args or {}))
    g = torch.randn(out.shape)
    out.backward(g)
    CASES.append({
        "op": op,
        "args": args or {},
        "inputs": [tensor_json(t) for t in inputs],
        "out": tensor_json(out),
        "name": type(out.grad_fn).__name__,
        "grad_out": tensor_json(g),
        "grads": [tensor_json(t.grad) if t.grad is not None else None for t in leaves],
    })


BCAST = [((2, 3), (2, 3)), ((2, 3), (3,)), ((4, 1, 3), (2, 1)), ((), (2, 2))]

for sa, sb in BCAST:
    case("add", [torch.randn(sa), torch.randn(sb)], lambda a, b: a + b)
    case("sub", [torch.randn(sa), torch.randn(sb)], lambda a, b: a - b)
    case("mul", [torch.randn(sa), torch.randn(sb)], lambda a, b: a * b)
    case("div", [torch.randn(sa), pos(*sb)], lambda a, b: a / b)
    case("pow", [pos(*sa), torch.randn(sb)], lambda a, b: a ** b)
case("add_alpha", [torch.randn(2, 3), torch.randn(3)], lambda a, b, alpha: torch.add(a, b, alpha=alpha), {"alpha": 2.5})
case("sub_alpha", [torch.randn(2, 3), torch.randn(3)], lambda a, b, alpha: torch.sub(a, b, alpha=alpha), {"alpha": 0.5})

for s in [(3,), (2, 3)]:
    case("add_s", [torch.randn(s)], lambda a, k: a + k, {"k": 2.0})
    case("sub_s", [torch.randn(s)], lambda a, k: a - k, {"k": 2.0})
    case("rsub_s", [torch.randn(s)], lambda a, k: k - a, {"k": 2.0})
    case("mul_s", [torch.randn(s)], lambda a, k: a * k, {"k": 3.0})
    case("div_s", [torch.randn(s)], lambda a, k: a / k, {"k": 4.0})
    case("rdiv_s", [pos(*s)], lambda a, k: k / a, {"k": 2.0})
    case("pow_s", [pos(*s)], lambda a, k: a ** k, {"k": 2.0})
    case("pow_s", [pos(*s)], lambda a, k: a ** k, {"k": 0.5})
    case("rpow_s", [torch.randn(s)], lambda a, k: k ** a, {"k": 2.0})
    case("neg", [torch.randn(s)], lambda a: -a)

UNARY = {
    "exp": torch.exp, "log": torch.log, "sqrt": torch.sqrt, "rsqrt": torch.rsqrt,
    "abs": torch.abs, "sin": torch.sin, "cos": torch.cos, "tanh": torch.tanh,
    "sigmoid": torch.sigmoid, "relu": torch.relu, "reciprocal": torch.reciprocal,
}
for name, fn in UNARY.items():
    for s in [(5,), (2, 3)]:
        x = pos(*s) if name in ("log", "sqrt", "rsqrt", "reciprocal") else torch.randn(s)
        case(name, [x], fn)
case("clamp", [torch.randn(2, 4)], lambda a, lo, hi: a.clamp(lo, hi), {"lo": -0.5, "hi": 0.5})
case("clamp_min", [torch.randn(2, 4)], lambda a, lo: a.clamp(min=lo), {"lo": 0.0})

for s in [(4,), (2, 3), (2, 3, 4)]:
    case("sum", [torch.randn(s)], lambda a: a.sum())
    case("mean", [torch.randn(s)], lambda a: a.mean())
    case("var", [torch.randn(s)], lambda a: a.var())
    case("std", [torch.randn(s)], lambda a: a.std())
    case("max", [torch.randn(s)], lambda a: a.max())
    case("min", [torch.randn(s)], lambda a: a.min())
for dims, keep in [([1], False), ([0], True), ([-1], False), ([0, 2], False), ([1, 2], True)]:
    case("sum_dims", [torch.randn(2, 3, 4)], lambda a, dims, keep: a.sum(dims, keepdim=keep), {"dims": dims, "keep": keep})
    case("mean_dims", [torch.randn(2, 3, 4)], lambda a, dims, keep: a.mean(dims, keepdim=keep), {"dims": dims, "keep": keep})
    case("var_dims", [torch.randn(2, 3, 4)], lambda a, dims, keep: a.var(dims, keepdim=keep), {"dims": dims, "keep": keep})
    case("std_dims", [torch.randn(2, 3, 4)], lambda a, dims, keep: a.std(dims, keepdim=keep), {"dims": dims, "keep": keep})
for dim, keep in [(0, False), (1, True), (-1, False)]:
    case("max_dim", [torch.randn(3, 4)], lambda a, dim, keep: a.max(dim, keepdim=keep)[0], {"dim": dim, "keep": keep})
    case("min_dim", [torch.randn(3, 4)], lambda a, dim, keep: a.min(dim, keepdim=keep)[0], {"dim": dim, "keep": keep})

MATMUL = [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)), ((2, 2, 3), (2, 3, 4)),
          ((2, 2, 3), (3, 4)), ((2, 2, 3), (3,)), ((2, 3), (2, 3, 4)), ((1, 2, 3), (2, 3, 4)),
          ((3,), (2, 3, 4)), ((2, 1, 2, 3), (3, 3, 2))]
for sa, sb in MATMUL:
    case("matmul", [torch.randn(sa), torch.randn(sb)], lambda a, b: a @ b)
case("mm", [torch.randn(2, 3), torch.randn(3, 4)], torch.mm)
case("bmm", [torch.randn(2, 2, 3), torch.randn(2, 3, 4)], torch.bmm)
case("mv", [torch.randn(2, 3), torch.randn(3)], torch.mv)
case("dot", [torch.randn(4), torch.randn(4)], torch.dot)
case("addmm", [torch.randn(4), torch.randn(2, 3), torch.randn(3, 4)], torch.addmm)
case("addmm", [torch.randn(2, 4), torch.randn(2, 3), torch.randn(3, 4)], torch.addmm)
case("linear", [torch.randn(2, 3), torch.randn(4, 3), torch.randn(4)], F.linear)
case("linear", [torch.randn(2, 2, 3), torch.randn(4, 3), torch.randn(4)], F.linear)
case("linear_nobias", [torch.randn(2, 3), torch.randn(4, 3)], F.linear)

case("view", [torch.randn(2, 3, 4)], lambda a, shape: a.view(shape), {"shape": [6, -1]})
case("reshape", [torch.randn(2, 3, 4)], lambda a, shape: a.reshape(shape), {"shape": [4, 6]})
case("reshape_t", [torch.randn(3, 4)], lambda a, shape: a.t().reshape(shape), {"shape": [12]})
case("flatten", [torch.randn(2, 3, 4)], lambda a, s, e: a.flatten(s, e), {"s": 0, "e": -1})
case("flatten", [torch.randn(2, 3, 4)], lambda a, s, e: a.flatten(s, e), {"s": 1, "e": 2})
case("permute", [torch.randn(2, 3, 4)], lambda a, dims: a.permute(dims), {"dims": [2, 0, 1]})
case("transpose", [torch.randn(2, 3, 4)], lambda a, d0, d1: a.transpose(d0, d1), {"d0": 0, "d1": 2})
case("t", [torch.randn(2, 3)], lambda a: a.t())
case("unsqueeze", [torch.randn(2, 3)], lambda a, dim: a.unsqueeze(dim), {"dim": 1})
case("unsqueeze", [torch.randn(2, 3)], lambda a, dim: a.unsqueeze(dim), {"dim": -1})
case("squeeze", [torch.randn(2, 1, 3, 1)], lambda a: a.squeeze())
case("squeeze_dim", [torch.randn(2, 1, 3)], lambda a, dim: a.squeeze(dim), {"dim": 1})
case("expand", [torch.randn(3, 1)], lambda a, shape: a.expand(shape), {"shape": [2, 3, 4]})
case("repeat", [torch.randn(2, 3)], lambda a, reps: a.repeat(reps), {"reps": [2, 1, 3]})
case("cat", [torch.randn(2, 3), torch.randn(1, 3), torch.randn(3, 3)], lambda *t, dim: torch.cat(t, dim), {"dim": 0})
case("cat", [torch.randn(2, 3), torch.randn(2, 1)], lambda *t, dim: torch.cat(t, dim), {"dim": -1})
case("stack", [torch.randn(2, 3), torch.randn(2, 3)], lambda *t, dim: torch.stack(t, dim), {"dim": 1})
case("split", [torch.randn(5, 2)], lambda a, size, dim, k: a.split(size, dim)[k], {"size": 2, "dim": 0, "k": 1})
case("split_sizes", [torch.randn(2, 5)], lambda a, sizes, dim, k: a.split(sizes, dim)[k], {"sizes": [1, 4], "dim": 1, "k": 1})
case("chunk", [torch.randn(6, 2)], lambda a, n, dim, k: a.chunk(n, dim)[k], {"n": 3, "dim": 0, "k": 2})
case("clone", [torch.randn(2, 3)], lambda a: a.clone())
case("contiguous_t", [torch.randn(2, 3)], lambda a: a.t().contiguous())


# Subscripts: {"int": i} | {"slice": [start, stop, step]} | {"none": 1} |
# {"ellipsis": 1} | {"tensor": tensor}.
def py_index(entries):
    out = []
    for e in entries:
        if "int" in e:
            out.append(e["int"])
        elif "slice" in e:
            out.append(slice(*e["slice"]))
        elif "none" in e:
            out.append(None)
        elif "ellipsis" in e:
            out.append(Ellipsis)
        else:
            out.append(torch.tensor(e["tensor"]["values"]).reshape(e["tensor"]["shape"]))
    return tuple(out)


def tidx(values, dtype=torch.int64):
    return {"tensor": tensor_json(torch.tensor(values, dtype=dtype))}


SUBSCRIPTS = [
    [{"int": 1}],
    [{"int": 0}, {"int": -1}],
    [{"slice": [None, None, None]}, {"slice": [1, None, None]}],
    [{"slice": [0, 3, 2]}],
    [{"ellipsis": 1}, {"int": 0}],
    [{"none": 1}],
    [tidx([0, 2, 0])],
    [{"slice": [None, None, None]}, tidx([[1, 0], [3, 3]])],
    [tidx([True, False, True], torch.bool)],
]
for entries in SUBSCRIPTS:
    case("index", [torch.randn(3, 4)], lambda a, idx: a[py_index(idx)], {"idx": entries})


def index_put(a, v, idx):
    y = a * 1
    y[py_index(idx)] = v
    return y


case("index_put", [torch.randn(3, 4), torch.randn(4)], index_put, {"idx": [{"int": 1}]})
case("index_put", [torch.randn(3, 4), torch.randn(1)], index_put, {"idx": [tidx([0, 2])]})

# In place on non-leaves: y = a * 1, then y.op_(b).
case("add_", [torch.randn(2, 3), torch.randn(3)], lambda a, b: (a * 1).add_(b))
case("sub_", [torch.randn(2, 3), torch.randn(2, 3)], lambda a, b: (a * 1).sub_(b))
case("mul_", [torch.randn(2, 3), torch.randn(3)], lambda a, b: (a * 1).mul_(b))
case("div_", [torch.randn(2, 3), pos(2, 3)], lambda a, b: (a * 1).div_(b))
case("mul_s_", [torch.randn(2, 3)], lambda a, k: (a * 1).mul_(k), {"k": 3.0})

# Composite graphs.
case("mlp", [torch.randn(5, 3), torch.randn(4, 3), torch.randn(4)],
     lambda x, w, b: torch.relu(x @ w.t() + b).mean())
case("mlp2", [torch.randn(5, 3), torch.randn(4, 3), torch.randn(4), torch.randn(1, 4)],
     lambda x, w, b, w2: torch.sigmoid(F.linear(torch.tanh(F.linear(x, w, b)), w2)).sum())
case("diamond", [torch.randn(2, 3)], lambda x: ((x * x) + x.exp()) * (x * x))
case("softmax_like", [torch.randn(2, 4)],
     lambda x: (x - x.max(1, keepdim=True)[0]).exp() / (x - x.max(1, keepdim=True)[0]).exp().sum(1, keepdim=True))
case("mse", [torch.randn(4, 2), torch.randn(4, 2)], lambda p, y: ((p - y) ** 2).mean())
case("shapes_chain", [torch.randn(2, 3, 4)],
     lambda x: torch.cat([x.permute(1, 0, 2).reshape(3, 8), x.flatten(1).t().reshape(3, 8)], 0).unsqueeze(0).squeeze(0)[1:, ::2])

out = pathlib.Path(__file__).with_name("autograd.json")
out.write_text(json.dumps({"cases": CASES}, separators=(",", ":")) + "\n")
print(f"{len(CASES)} cases -> {out} ({out.stat().st_size} bytes)")
