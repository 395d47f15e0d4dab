"""Shared helpers for the golden generators: tensors to and from JSON.

A tensor is {"dtype": "float32"|"int64"|"bool", "shape": [...], "values": [...]}
with non-finite floats as the strings "inf", "-inf", "nan".
"""
import math

import torch

DTYPES = {torch.float32: "float32", torch.int64: "int64", torch.bool: "bool"}
FROM_NAME = {v: k for k, v in DTYPES.items()}


def number(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v


def tensor_json(t):
    t = t.detach()
    return {
        "dtype": DTYPES[t.dtype],
        "shape": list(t.shape),
        "values": [number(v) for v in t.flatten().tolist()],
    }


def tensor_from_json(j):
    values = [float(v) if isinstance(v, str) else v for v in j["values"]]
    return torch.tensor(values, dtype=FROM_NAME[j["dtype"]]).reshape(j["shape"])


def error_json(fn):
    """Runs fn expecting an exception; returns {"error": type, "message": text}."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - any PyTorch error is the expected output
        return {"error": type(e).__name__, "message": str(e)}
    raise AssertionError("expected an error")
