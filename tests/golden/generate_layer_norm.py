#!/usr/bin/python3
"""Write tests/golden/layer_norm.json from PyTorch (Debian's python3-torch, 1.13).

Run with /usr/bin/python3 tests/golden/generate_layer_norm.py. The tests read
the committed JSON and never need PyTorch.
"""
import json
import pathlib

import torch
import torch.nn.functional as F


def case(name, rows, cols, eps, affine, offset=0.0, scale=1.0, fixed=None):
    if fixed is not None:
        x, w, b = (torch.tensor(v, dtype=torch.float32) for v in fixed)
    else:
        x = torch.randn(rows, cols) * scale + offset
        w = torch.randn(cols) if affine else None
        b = torch.randn(cols) if affine else None
    y = F.layer_norm(x, (cols,), w, b, eps)
    # How far PyTorch's own float32 result is from float64 bounds how closely
    # another float32 implementation can be asked to agree with it.
    y64 = F.layer_norm(x.double(), (cols,), None if w is None else w.double(),
                       None if b is None else b.double(), eps)
    own_error = (y.double() - y64).abs().max().item()
    out = {
        "name": name,
        "rows": rows,
        "cols": cols,
        "eps": eps,
        "atol": max(1e-5, 4 * own_error),
        "x": x.flatten().tolist(),
        "y": y.flatten().tolist(),
    }
    if affine:
        out["weight"] = w.tolist()
        out["bias"] = b.tolist()
    return out


def main():
    torch.manual_seed(0)
    cases = [
        # The fixed input that the demo page (web/src/layer_norm_demo.js) runs.
        case("page demo", 2, 4, 1e-5, True, fixed=(
            [[-2.0, -0.5, 1.0, 2.5], [4.0, 0.0, -1.0, 3.0]],
            [1.0, 0.5, 2.0, -1.0],
            [0.0, 0.1, -0.2, 0.3])),
        case("small affine", 2, 5, 1e-5, True),
        case("no affine", 3, 8, 1e-5, False),
        case("single column", 4, 1, 1e-5, True),
        case("odd width, large eps", 3, 17, 1e-3, True),
        case("wide rows", 5, 200, 1e-5, True),
        case("large offset", 2, 33, 1e-5, True, offset=1000.0, scale=0.5),
        case("tiny values", 2, 12, 1e-5, False, scale=1e-3),
    ]
    doc = {
        "generator": "tests/golden/generate_layer_norm.py",
        "torch": torch.__version__,
        "op": "torch.nn.functional.layer_norm over the last dimension",
        "cases": cases,
    }
    path = pathlib.Path(__file__).with_name("layer_norm.json")
    path.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {path} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
