#!/usr/bin/python3
"""PyTorch 1.13's times for the cases of tests/bench/native, one thread.

Prints one JSON line per case, like build/native/lesson_bench. Case names and
shapes must match the C++ registrations. Run by tests/bench/run.mjs when
/usr/bin/python3 can import torch.
"""
import importlib
import json
import pathlib
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)


def median_ms(body):
    body()
    times = []
    start = time.perf_counter()
    while len(times) < 5 or (time.perf_counter() - start < 0.25 and len(times) < 1000):
        t0 = time.perf_counter()
        body()
        times.append((time.perf_counter() - t0) * 1000.0)
    times.sort()
    return times[len(times) // 2], len(times)


def all_cases():
    """CASES lists from every tests/bench/torch_cases_*.py, in file order.

    Each CASES entry is (name, shape, make) where make(shape) returns the
    callable to time; names and shapes match the C++ registrations.
    """
    here = pathlib.Path(__file__).parent
    sys.path.insert(0, str(here))
    cases = []
    for path in sorted(here.glob("torch_cases_*.py")):
        cases.extend(importlib.import_module(path.stem).CASES)
    return cases


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    for name, shape, make in all_cases():
        if only and only not in name:
            continue
        ms, runs = median_ms(make(shape))
        print(json.dumps({"name": name, "shape": shape, "ms": round(ms, 4), "runs": runs}), flush=True)


if __name__ == "__main__":
    main()
