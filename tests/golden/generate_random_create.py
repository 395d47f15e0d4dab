#!/usr/bin/python3
"""Write tests/golden/random_create.json: torch's random tensor factories and
in-place fills (through the default generator seeded by torch.manual_seed),
including fills of non-contiguous views, and their errors.

Run with /usr/bin/python3 (Debian's python3-torch 1.13).
"""
import json
import pathlib

import torch

from torch_json import error_json, tensor_json


def factory_cases():
    cases = []
    calls = [
        ("rand", lambda shape, a: torch.rand(shape)),
        ("randn", lambda shape, a: torch.randn(shape)),
        ("randint", lambda shape, a: torch.randint(a[0], a[1], shape)),
        ("randint_float", lambda shape, a: torch.randint(a[0], a[1], shape, dtype=torch.float32)),
        ("randperm", lambda shape, a: torch.randperm(shape[0])),
        ("rand_like", lambda shape, a: torch.rand_like(torch.zeros(shape))),
        ("randn_like", lambda shape, a: torch.randn_like(torch.zeros(shape))),
    ]
    shapes = [[], [1], [5], [3, 4], [2, 3, 5], [17], [4, 4], [0], [2, 0, 3], [31]]
    seed = 100
    for name, fn in calls:
        for shape in shapes:
            if name == "randperm" and len(shape) != 1:
                continue
            seed += 1
            args = [-3, 7] if name.startswith("randint") else []
            torch.manual_seed(seed)
            # Two calls in a row: the generator state carries over.
            first = fn(shape, args)
            second = fn(shape, args)
            cases.append({"op": name, "seed": seed, "shape": shape, "args": args,
                          "first": tensor_json(first), "second": tensor_json(second)})
    return cases


def view_fill_cases():
    cases = []
    views = [
        ("transpose", [4, 4], lambda b: b.t()),
        ("column slice", [4, 4], lambda b: b[:, :2]),
        ("strided rows", [6, 5], lambda b: b[::2]),
        ("permuted 3-d", [2, 3, 4], lambda b: b.permute(2, 0, 1)),
        ("big transpose", [8, 9], lambda b: b.t()),
    ]
    fills = [
        ("uniform_", lambda v: v.uniform_(-2.0, 3.0)),
        ("normal_", lambda v: v.normal_(1.0, 0.5)),
        ("bernoulli_", lambda v: v.bernoulli_(0.3)),
    ]
    seed = 500
    for fill_name, fill in fills:
        for view_name, base_shape, make_view in views:
            seed += 1
            base = torch.zeros(base_shape)
            view = make_view(base)
            torch.manual_seed(seed)
            fill(view)
            cases.append({
                "op": fill_name, "view": view_name, "seed": seed,
                "base_shape": base_shape,
                "view_shape": list(view.shape), "view_strides": list(view.stride()),
                "view_offset": view.storage_offset(),
                "base": tensor_json(base),
            })
    return cases


def error_cases():
    return [
        {"op": "randint", "args": [5, 5], "shape": [3],
         **error_json(lambda: torch.randint(5, 5, (3,)))},
        {"op": "randint", "args": [0, 5], "shape": [-1],
         **error_json(lambda: torch.randint(0, 5, (-1,)))},
        {"op": "rand", "shape": [2, -3], **error_json(lambda: torch.rand(2, -3))},
        {"op": "randperm", "shape": [-1], **error_json(lambda: torch.randperm(-1))},
        {"op": "uniform_long", **error_json(lambda: torch.zeros(3, dtype=torch.long).uniform_())},
        {"op": "normal_long", **error_json(lambda: torch.zeros(3, dtype=torch.long).normal_())},
        {"op": "normal_negative_std", **error_json(lambda: torch.zeros(3).normal_(0.0, -1.0))},
        {"op": "uniform_reversed", **error_json(lambda: torch.zeros(3).uniform_(2.0, 1.0))},
    ]


def main():
    doc = {
        "generator": "tests/golden/generate_random_create.py",
        "torch": torch.__version__,
        "factories": factory_cases(),
        "view_fills": view_fill_cases(),
        "errors": error_cases(),
    }
    path = pathlib.Path(__file__).with_name("random_create.json")
    path.write_text(json.dumps(doc) + "\n")
    print(f"wrote {path}: {len(doc['factories'])} factory, {len(doc['view_fills'])} view-fill, "
          f"{len(doc['errors'])} error cases")


if __name__ == "__main__":
    main()
