#!/usr/bin/python3
"""Write tests/golden/format.json from PyTorch (Debian's python3-torch, 1.13).

Run with /usr/bin/python3 tests/golden/generate_format.py. The tests read the
committed JSON and never need PyTorch.

What is recorded:
- tensors: the input (dtype, shape, elements; float32 elements as the hex of
  their bits so NaN signs and -0.0 survive), the torch.set_printoptions calls
  made before printing (applied in order, starting from the defaults), the
  options they leave in force, and the exact repr PyTorch printed;
- python_floats: repr() of doubles (the bits as 16 hex digits);
- python_formats: '{:.Nf}' and '{:.Ne}' of doubles;
- sizes and dtypes: str(torch.Size(...)) and str(dtype).
"""
import json
import math
import pathlib
import random
import struct

import torch
import torch.nn.functional as F

DTYPES = {torch.float32: "float32", torch.int64: "int64", torch.bool: "bool"}


def float32_bits(t):
    return ["%08x" % (b & 0xFFFFFFFF) for b in t.reshape(-1).view(torch.int32).tolist()]


def double_bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def current_options():
    o = torch._tensor_str.PRINT_OPTS
    return {
        "precision": o.precision,
        "threshold": None if o.threshold == math.inf else int(o.threshold),
        "edgeitems": o.edgeitems,
        "linewidth": o.linewidth,
        "sci_mode": o.sci_mode,
    }


CASES = []


def case(name, t, *options, parameter=False):
    """Record repr(t) after calling torch.set_printoptions(**o) for each o."""
    torch.set_printoptions(profile="default")
    for o in options:
        torch.set_printoptions(**o)
    text = repr(t)
    resolved = current_options()
    torch.set_printoptions(profile="default")

    data = t.detach()
    if data.dtype == torch.float32:
        values = float32_bits(data)
    else:
        values = [int(v) for v in data.reshape(-1).tolist()]
    grad_fn = "" if t.grad_fn is None else type(t.grad_fn).__name__
    CASES.append({
        "name": name,
        "dtype": DTYPES[data.dtype],
        "shape": list(data.shape),
        "values": values,
        "requires_grad": bool(t.requires_grad and t.grad_fn is None),
        "grad_fn": grad_fn,
        "parameter": parameter,
        "set_printoptions": list(options),
        "options": resolved,
        "repr": text,
    })


def f32(values):
    return torch.tensor(values, dtype=torch.float32)


def tensor_cases():
    torch.manual_seed(0)
    inf, nan = math.inf, math.nan

    # Integer-valued floats ("int mode").
    case("int-valued 1-D", f32([1.0, 2.0, 3.0]))
    case("int-valued arange", torch.arange(10.0))
    case("int-valued 2-D", f32([[1.0, -2.0], [30.0, 4.0]]))
    case("int-valued negative wide", f32([-1.0, 2.0, -300.0, 4000.0 / 4]))
    case("int-valued ratio exactly 1000", f32([1.0, 1000.0]))
    case("int-valued ratio above 1000 -> sci", f32([1.0, 1001.0]))
    case("int-valued 1e8 is not above 1e8", f32([1.0e8, 2.0e7]))
    case("int-valued above 1e8 -> sci", f32([2.0e8, 3.0e8]))
    case("int-valued all zeros", torch.zeros(4))
    case("int-valued zeros and ones", f32([0.0, 1.0, 0.0]))
    case("int-valued large exact", f32([16777216.0, 12345678.0]))

    # Fixed notation.
    case("fixed randn 5", torch.randn(5))
    case("fixed 0.1 0.2", f32([0.1, 0.2]))
    case("fixed mixed signs", f32([1.5, -2.25, 0.125]))
    case("fixed randn 2x3", torch.randn(2, 3))
    case("fixed width from hundreds", f32([100.5, 1.25, -999.75]))
    case("float32(1e-4) is below 1e-4 -> sci", f32([1.0e-4, 0.05]))
    case("fixed min just above 1e-4", f32([1.0001e-4, 0.05]))
    case("fixed exact ties round to even", f32([0.03125, 1.03125, 2.65625, 0.96875, 0.15625]))
    case("fixed half ulp", f32([0.12345, 2.71828, 3.14159265]))

    # Scientific notation, each automatic trigger.
    case("sci min below 1e-4", f32([5e-5, 6e-5]))
    case("sci min below 1e-4 with one", f32([1e-5, 1.0]))
    case("sci ratio above 1000", f32([0.5, 2000.5]))
    case("fixed randn scaled up (ratio below 1000)", torch.randn(6) * 1e5)
    case("sci large non-integers", f32([1e5, -3e6, 7.5, 12.25]))
    case("sci randn scaled down", torch.randn(6) * 1e-6)
    case("sci 2-D", torch.randn(3, 4) * torch.tensor([1e-3, 1.0, 1e3, 1e6]))

    # sci_mode forced.
    case("sci_mode True on ints", f32([1.0, 2.0, 3.0]), {"sci_mode": True})
    case("sci_mode True on fixed", torch.randn(4), {"sci_mode": True})
    case("sci_mode False on small", f32([1e-5, 1.0]), {"sci_mode": False})
    case("sci_mode False on large ints", f32([1e10, 1.0]), {"sci_mode": False})
    case("sci_mode False on 3e38", f32([3e38, -1.5]), {"sci_mode": False})
    case("sci_mode True on zeros is ignored", torch.zeros(3), {"sci_mode": True})
    case("sci_mode True on nonfinite is ignored", f32([inf, nan]), {"sci_mode": True})
    case("sci_mode reset by a later call", f32([1.5, 2.5]), {"sci_mode": True}, {"precision": 2})
    case("sci_mode True with precision 2", torch.randn(3), {"sci_mode": True, "precision": 2})

    # inf and nan.
    case("inf with ints", f32([inf, 1.0, 2.0]))
    case("-inf with ints", f32([-inf, 1.0, -20.0]))
    case("nan with fixed", f32([nan, 1.5]))
    case("inf -inf nan", f32([-inf, inf, nan]))
    case("inf only", f32([inf]))
    case("nan and zero", f32([nan, 0.0]))
    case("inf in sci", f32([inf, 1e-5, 1.0]))
    case("nan in sci", f32([nan, -1e-7, 3.0]))
    case("nan from 0/0 (negative nan bits)", f32([0.0, 1.0]) / f32([0.0, 2.0]))
    case("nan in int mode wide", f32([nan, 3.0, -1.0]))
    case("inf in fixed 2-D", f32([[inf, 0.5], [-0.25, -inf]]))

    # Empty.
    case("empty float", f32([]))
    case("empty float 0x3", torch.zeros(0, 3))
    case("empty float 2x0", torch.zeros(2, 0))
    case("empty float 1x0x2", torch.zeros(1, 0, 2))
    case("empty int64", torch.zeros(0, dtype=torch.int64))
    case("empty int64 2x0x3", torch.zeros(2, 0, 3, dtype=torch.int64))
    case("empty bool", torch.zeros(0, dtype=torch.bool))
    case("empty bool 0x1", torch.zeros(0, 1, dtype=torch.bool))
    case("empty requires_grad", torch.zeros(0, requires_grad=True))
    case("empty 0x4 requires_grad", torch.zeros(0, 4, requires_grad=True))

    # 0-d.
    case("0-d int-valued", torch.tensor(3.0))
    case("0-d fixed", torch.tensor(0.5))
    case("0-d sci", torch.tensor(1e-5))
    case("0-d large", torch.tensor(1.5e10))
    case("0-d negative zero", torch.tensor(-0.0))
    case("0-d inf", torch.tensor(inf))
    case("0-d nan", torch.tensor(nan))
    case("0-d int64", torch.tensor(5))
    case("0-d int64 negative", torch.tensor(-7))
    case("0-d bool True", torch.tensor(True))
    case("0-d bool False", torch.tensor(False))
    case("0-d requires_grad", torch.tensor(2.5, requires_grad=True))

    # Summarized.
    case("summarized 1-D int-valued", torch.arange(2000.0))
    case("summarized 1-D randn", torch.randn(1001))
    case("1000 elements is not summarized", torch.arange(1000.0) / 8)
    case("summarized 2-D", torch.randn(40, 40))
    case("summarized 2-D few rows", torch.randn(4, 300))
    case("summarized 2-D few columns", torch.randn(300, 4))
    case("summarized 3-D", torch.randn(20, 20, 20))
    case("summarized int64 2-D", torch.arange(3000).reshape(10, 300))
    case("summarized threshold 5", torch.arange(10), {"threshold": 5})
    case("summarized edgeitems 2", torch.randn(30, 30, 3), {"edgeitems": 2})
    case("summarized edgeitems 5", torch.arange(2000.0).reshape(50, 40), {"edgeitems": 5})
    case("summarized edgeitems 1", torch.randn(3, 4, 5, 6), {"threshold": 10, "edgeitems": 1})
    case("summarized edgeitems 0 1-D", torch.arange(8), {"threshold": 3, "edgeitems": 0})
    case("summarized 4-D", torch.randn(8, 2, 8, 8), {"threshold": 100})
    case("summarized bool", torch.arange(2000) % 3 == 0)
    case("summarized sample sets the mode", torch.cat([torch.arange(5.0), f32([0.5] * 1000),
                                                       torch.arange(5.0)]))
    case("summarized sample sets the width", torch.cat([f32([1.0] * 4), f32([123456.0] * 1000),
                                                        f32([1.0] * 4)]))
    case("summarized with requires_grad", torch.randn(1200, requires_grad=True))
    case("summarized threshold 0", f32([1.5, 2.5]), {"threshold": 0})

    # Wrapped 1-D rows and line width.
    case("wrapped randn 30", torch.randn(30))
    case("wrapped arange 50.", torch.arange(50.0))
    case("wrapped int64 100", torch.arange(100))
    case("wrapped sci 20", torch.randn(20) * 1e-5)
    case("wrapped 2-D rows", torch.randn(3, 12))
    case("linewidth 40", torch.randn(12), {"linewidth": 40})
    case("linewidth 120", torch.randn(30), {"linewidth": 120})
    case("linewidth 10 (one per line)", torch.randn(5), {"linewidth": 10})
    case("linewidth 1 (narrower than indent)", torch.arange(4), {"linewidth": 1})
    case("linewidth 60 3-D", torch.randn(2, 2, 9), {"linewidth": 60})
    case("suffix moves to next line", torch.randn(9, requires_grad=True))
    case("suffix stays on the line", torch.randn(7, requires_grad=True))
    case("suffix after wrapped rows", torch.randn(20, requires_grad=True))
    case("grad_fn suffix moves to next line", torch.randn(8, requires_grad=True) * 3)
    case("suffix linewidth 30", torch.randn(2, requires_grad=True), {"linewidth": 30})
    case("empty suffixes linewidth 20", torch.zeros(3, 0, dtype=torch.int64), {"linewidth": 20})

    # Precision.
    case("precision 2", torch.randn(5), {"precision": 2})
    case("precision 6", torch.randn(5), {"precision": 6})
    case("precision 8", torch.randn(2, 3), {"precision": 8})
    case("precision 0", f32([1.5, 2.5, -0.4, 3.25]), {"precision": 0})
    case("precision 2 sci", f32([1e-6, 1.0]), {"precision": 2})
    case("precision 8 sci", torch.randn(3) * 1e-6, {"precision": 8})
    case("precision 2 ints unaffected", f32([1.0, 20.0]), {"precision": 2})
    case("profile short", torch.randn(10, 10), {"profile": "short"})
    case("profile short summarized", torch.randn(2000), {"profile": "short"})
    case("profile full", torch.arange(1200) % 7, {"profile": "full"})
    case("profile full then precision", torch.randn(4), {"profile": "full", "precision": 6})
    case("profile short then default", torch.randn(4), {"profile": "short"}, {"profile": "default"})

    # bool.
    case("bool 1-D", f32([1.0, 0.0, 2.0]) > 0.5)
    case("bool all True", torch.ones(3, dtype=torch.bool))
    case("bool all False", torch.zeros(2, 2, dtype=torch.bool))
    case("bool 2-D", torch.randn(3, 4) > 0)
    case("bool wrapped", torch.arange(30) % 2 == 0)

    # int64.
    case("int64 1-D", torch.tensor([1, 2, 3]))
    case("int64 negative", torch.tensor([-5, 10, -200]))
    case("int64 large", torch.tensor([2 ** 62, -(2 ** 63), 0, 7]))
    case("int64 2-D", torch.arange(12).reshape(3, 4) - 4)
    case("int64 zeros", torch.zeros(3, dtype=torch.int64))

    # Blocks of 3-D and more.
    case("3-D arange", torch.arange(24.0).reshape(2, 3, 4))
    case("3-D randn", torch.randn(2, 2, 3))
    case("4-D randn", torch.randn(2, 2, 2, 2))
    case("4-D int64", torch.arange(36).reshape(3, 1, 3, 4))
    case("5-D", torch.arange(32.0).reshape(2, 2, 2, 2, 2) / 4)
    case("3-D singleton dims", torch.randn(1, 1, 3))
    case("3-D bool", torch.arange(8).reshape(2, 2, 2) > 3)

    # requires_grad leaves and grad_fn.
    x = torch.randn(3, requires_grad=True)
    w = torch.randn(3, 2, requires_grad=True)
    case("requires_grad leaf", x)
    case("requires_grad 2-D leaf", w)
    case("requires_grad int-valued leaf", torch.ones(2, 2, requires_grad=True))
    case("MulBackward0", x * 2)
    case("AddBackward0", x + 1)
    case("SubBackward0", x - x * 0.5)
    case("SumBackward0", x.sum())
    case("MeanBackward0", w.mean())
    case("ViewBackward0", w.view(6))
    case("ReluBackward0", x.relu())
    case("MmBackward0", x.unsqueeze(0) @ w)
    case("PowBackward0", x.pow(2))
    case("NativeLayerNormBackward0", F.layer_norm(w, (2,)))
    case("TBackward0", w.t())
    case("Parameter", torch.nn.Parameter(f32([1.0, 2.0])), parameter=True)
    case("Parameter 2-D", torch.nn.Parameter(torch.randn(2, 3)), parameter=True)

    # Magnitudes.
    case("float32 max", f32([3.4028234663852886e38]))
    case("float32 min normal", f32([1.1754943508222875e-38]))
    case("float32 subnormal", f32([1.401298464324817e-45, 1.0]))
    case("huge mixed signs", f32([1e30, -1e30, 1.0]))
    case("tiny and huge", f32([1e-10, 1e10]))
    case("1e-4 and 1e-5 fixed/sci boundary", f32([0.0001, 0.00001]))

    # Negative zero.
    case("negative zero and zero", f32([-0.0, 0.0]))
    case("negative zero with fixed", f32([-0.0, 1.5]))
    case("negative zero with sci", f32([-0.0, 1e-5]))
    case("negative zero with ints", f32([-0.0, 3.0]))
    case("negative rounds to -0.0000", f32([-0.00001, 0.5, 0.25]), {"sci_mode": False})


def python_float_cases():
    values = [0.0, -0.0, math.inf, -math.inf, math.nan, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3,
              1.0, -1.0, 1.5, 100.0, 1e-5, 1e-4, 0.0001234, 1e16, 1e15, 9999999999999998.0,
              1e16 - 2, 2.0 ** 53, 2.0 ** 53 + 2, 123456789012345678.0, 1e22, 1e23, 5e-324,
              2.2250738585072014e-308, 1.7976931348623157e308, math.pi, math.e, -math.pi,
              0.5, 0.25, 0.125, 3.4028234663852886e38, 1.401298464324817e-45, 1.1754943508222875e-38]
    values += [10.0 ** k for k in range(-25, 26)]
    values += [-(10.0 ** k) for k in range(-6, 20, 3)]
    values += [float(k) for k in range(-20, 21)] + [float(12345 * k) for k in range(1, 20)]
    values += [2.0 ** k for k in range(-1074, 1024)]  # lopsided rounding intervals
    values += [1.5 * 2.0 ** k for k in range(-60, 61, 7)]
    # float32 values as Python sees them after .item() / .tolist().
    torch.manual_seed(1)
    values += torch.randn(200).tolist()
    values += (torch.rand(100) * 10.0 ** torch.randint(-12, 13, (100,)).float()).tolist()
    values += (torch.randn(50) * 1e-40).tolist()  # float32 subnormals
    rng = random.Random(2)
    values += [struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0] for _ in range(400)]
    values += [rng.uniform(-1000, 1000) for _ in range(100)]
    out = []
    for v in values:
        if math.isnan(v) and double_bits(v) != double_bits(math.nan):
            continue  # random NaN payloads: one NaN is enough
        out.append({"bits": double_bits(v), "repr": repr(v)})
    return out


def python_format_cases():
    values = [0.0, -0.0, math.inf, -math.inf, math.nan, -math.nan, 0.5, 1.5, 2.5, -0.5, 0.125,
              0.375, 1e-5, 0.00015, 123456.789, 1e38, 3.4028234663852886e38, 5e-324, 1e100,
              -1e-100, 9.99995, 0.99995, 99999.5]
    torch.manual_seed(3)
    values += (torch.randn(60) * 10.0 ** torch.randint(-8, 9, (60,)).float()).tolist()
    out = []
    for v in values:
        for p in (0, 1, 2, 4, 6, 8):
            out.append({"bits": double_bits(v), "precision": p,
                        "fixed": "{:.{}f}".format(v, p), "scientific": "{:.{}e}".format(v, p)})
    return out


def dump(doc):
    """JSON with one line per case, so the file stays small and diffs stay readable."""
    lines = ["{"]
    items = list(doc.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i + 1 < len(items) else ""
        if isinstance(value, list):
            rows = [" " * 2 + json.dumps(v) for v in value]
            lines.append(f" {json.dumps(key)}: [\n" + ",\n".join(rows) + f"\n ]{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    tensor_cases()
    sizes = [[], [0], [5], [2, 3], [64], [8, 64, 56, 56], [1, 0, 1], [2 ** 40, 3]]
    doc = {
        "generator": "tests/golden/generate_format.py",
        "torch": torch.__version__,
        "tensors": CASES,
        "python_floats": python_float_cases(),
        "python_formats": python_format_cases(),
        "sizes": [{"shape": s, "str": str(torch.Size(s))} for s in sizes],
        "dtypes": [{"dtype": name, "str": str(d)} for d, name in DTYPES.items()],
    }
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    path = pathlib.Path(__file__).with_name("format.json")
    path.write_text(dump(doc))
    print(f"wrote {path}: {len(CASES)} tensors, {len(doc['python_floats'])} floats, "
          f"{len(doc['python_formats'])} formats, {len(sizes)} sizes")


if __name__ == "__main__":
    main()
