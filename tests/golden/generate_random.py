#!/usr/bin/python3
"""Write tests/golden/random.json from PyTorch (Debian's python3-torch, 1.13).

Run with /usr/bin/python3 tests/golden/generate_random.py. The tests read the
committed JSON and never need PyTorch.

Each case seeds a generator and makes one or more calls on it, in order, so
the generator's state (and the normal sample PyTorch caches between calls of
fewer than 16 elements) carries from one call to the next. A case's "seed" is
either a number (torch.Generator().manual_seed(seed), or torch.manual_seed
when "global" is true) or null (a fresh torch.Generator(), never seeded).
Float results are stored as the uint32 bit patterns of their float32 values,
so the tests compare bit for bit; integer results as numbers.

The numbers depend on PyTorch's CPU kernels: this machine's PyTorch must use
its AVX2 kernels (the script checks), as PyTorch does on any x86-64 CPU with
AVX2. Bernoulli also assumes a PyTorch without MKL (Debian's build).
"""
import json
import pathlib
import struct
import warnings

import torch
import torch.nn.functional as F

SEEDS = [0, 1, 2, 3, 7, 42, 99, 123, 1234, 2021, 31337, 65535, 123456789,
         2**31 - 1, 2**32 - 1, 2**32, 2**32 + 5, 2**53 + 1, 2**62 + 12345,
         2**64 - 1, 67280421310721, 987654321987]


def bits(t):
    """float32 tensor -> list of uint32 bit patterns."""
    data = t.detach().contiguous().view(-1).numpy().tobytes()
    return list(struct.unpack("<%dI" % (len(data) // 4), data))


def numel(shape):
    n = 1
    for s in shape:
        n *= s
    return n


class Recorder:
    """Makes calls on one generator and records what they return."""

    def __init__(self, seed, use_global=False):
        self.use_global = use_global
        if use_global:
            torch.manual_seed(seed)
            self.gen = None
        else:
            self.gen = torch.Generator()
            if seed is not None:
                self.gen.manual_seed(seed)
        self.case = {"seed": seed, "calls": []}
        if use_global:
            self.case["global"] = True
        else:
            self.case["initial_seed"] = self.gen.initial_seed()

    def kw(self):
        return {} if self.use_global else {"generator": self.gen}

    def add(self, call, out):
        call["out"] = out
        self.case["calls"].append(call)
        return self

    # Each method names the PyTorch call it makes in "torch".
    def rand(self, *shape):
        t = torch.rand(*shape, **self.kw())
        return self.add({"op": "uniform", "n": numel(shape), "from": 0.0, "to": 1.0,
                         "torch": "rand%s" % (shape,)}, bits(t))

    def rand_like(self, *shape):
        assert self.use_global  # rand_like takes no generator
        t = torch.rand_like(torch.empty(*shape))
        return self.add({"op": "uniform", "n": numel(shape), "from": 0.0, "to": 1.0,
                         "torch": "rand_like(empty%s)" % (shape,)}, bits(t))

    def uniform_(self, n, lo, hi):
        t = torch.empty(n).uniform_(lo, hi, **self.kw())
        return self.add({"op": "uniform", "n": n, "from": lo, "to": hi,
                         "torch": "empty(%d).uniform_(%r, %r)" % (n, lo, hi)}, bits(t))

    def randn(self, *shape):
        t = torch.randn(*shape, **self.kw())
        return self.add({"op": "normal", "n": numel(shape), "mean": 0.0, "std": 1.0,
                         "torch": "randn%s" % (shape,)}, bits(t))

    def randn_like(self, *shape):
        assert self.use_global
        t = torch.randn_like(torch.empty(*shape))
        return self.add({"op": "normal", "n": numel(shape), "mean": 0.0, "std": 1.0,
                         "torch": "randn_like(empty%s)" % (shape,)}, bits(t))

    def normal_(self, n, mean, std):
        t = torch.empty(n).normal_(mean, std, **self.kw())
        return self.add({"op": "normal", "n": n, "mean": mean, "std": std,
                         "torch": "empty(%d).normal_(%r, %r)" % (n, mean, std)}, bits(t))

    def randint(self, low, high, n):
        t = torch.randint(low, high, (n,), **self.kw())
        assert t.dtype == torch.int64
        return self.add({"op": "randint", "n": n, "low": low, "high": high,
                         "torch": "randint(%d, %d, (%d,))" % (low, high, n)}, t.tolist())

    def randint_float(self, low, high, n):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # beyond 2**24 PyTorch warns
            t = torch.randint(low, high, (n,), dtype=torch.float32, **self.kw())
        return self.add({"op": "randint_float", "n": n, "low": low, "high": high,
                         "torch": "randint(%d, %d, (%d,), dtype=float32)" % (low, high, n)}, bits(t))

    def randperm(self, n):
        t = torch.randperm(n, **self.kw())
        assert t.dtype == torch.int64
        return self.add({"op": "randperm", "n": n, "torch": "randperm(%d)" % n}, t.tolist())

    def bernoulli_(self, n, p):
        t = torch.empty(n).bernoulli_(p, **self.kw())
        return self.add({"op": "bernoulli", "n": n, "p": p,
                         "torch": "empty(%d).bernoulli_(%r)" % (n, p)}, bits(t))

    def dropout_mask(self, n, p):
        # F.dropout draws its keep-mask with bernoulli_(1 - p) on the default
        # generator; stored as the mask so the test needs no tensor maths.
        assert self.use_global
        y = F.dropout(torch.ones(n), p, training=True)
        mask = (y != 0).to(torch.float32)
        return self.add({"op": "bernoulli", "n": n, "p": 1.0 - p,
                         "torch": "dropout(ones(%d), p=%r) != 0" % (n, p)}, bits(mask))


FNV_OFFSET = 0xcbf29ce484222325
FNV_PRIME = 0x100000001b3


def fnv1a64(words):
    """FNV-1a over whole words (uint32 float bits, or int64 as uint64)."""
    h = FNV_OFFSET
    for w in words:
        h = ((h ^ w) * FNV_PRIME) & 0xffffffffffffffff
    return h


def digest(seed, repeat, method, *args):
    """`repeat` calls of one Recorder method, reduced to a count and a hash:
    large samples that would not fit in the file."""
    r = Recorder(seed)
    for _ in range(repeat):
        getattr(r, method)(*args)
    words = []
    for call in r.case["calls"]:
        words.extend(v & 0xffffffffffffffff for v in call.pop("out"))
    call = r.case["calls"][0]
    return {"seed": seed, "repeat": repeat, "call": call, "count": len(words),
            "fnv1a64": "%016x" % fnv1a64(words)}


def error_text(fn):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn()
    except RuntimeError as e:
        return str(e)
    raise AssertionError("PyTorch accepted an argument the tests expect it to reject")


def main():
    config = torch.__config__.show()
    assert "CPU capability usage: AVX2" in config, "needs PyTorch's AVX2 kernels: " + config
    assert not torch.backends.mkl.is_available(), "bernoulli_ below assumes PyTorch without MKL"

    cases = []

    # Every size 1..100 for rand, randn and randint, the seed cycling through
    # SEEDS so every seed is used for every function.
    for n in range(1, 101):
        cases.append(Recorder(SEEDS[n % len(SEEDS)]).rand(n).case)
        cases.append(Recorder(SEEDS[(n + 7) % len(SEEDS)]).randn(n).case)
        cases.append(Recorder(SEEDS[(n + 13) % len(SEEDS)]).randint(0, 10 + n, n).case)

    # Larger sizes: several chunks of 16, with and without a recomputed tail,
    # and past one regeneration of the mt19937 state (624 draws).
    for n, seed in [(256, 3), (1000, 0), (1025, 42), (1040, 2**62 + 12345), (2000, 7)]:
        cases.append(Recorder(seed).rand(n).case)
        cases.append(Recorder(seed).randn(n).case)

    # Sequences after one seed: state carries over, including the cached
    # second normal sample of the n < 16 path, which mean/std do not touch
    # and which a chunked randn (n >= 16) leaves alone.
    cases.append(Recorder(0).randn(1).randn(1).randn(1).randn(3).randn(2).case)
    cases.append(Recorder(1).randn(3).rand(2).randn(3).randn(20).randn(1).case)
    cases.append(Recorder(42).rand(5).randn(17).randint(0, 100, 6).randn(16).rand(3).case)
    cases.append(Recorder(1234).normal_(5, 10.0, 0.5).normal_(3, -2.0, 3.0).randn(1).randperm(7).case)
    cases.append(Recorder(2**32 + 5).randint(-5, 5, 4).bernoulli_(10, 0.5).randn(15).randn(15).case)
    cases.append(Recorder(7).randn(2, 3).randn(4, 4).rand(3, 1, 2).case)

    # uniform_ and normal_ with other bounds and moments.
    for seed, n, lo, hi in [(0, 10, -3.7, 2.9), (1, 100, -3.7, 2.9), (42, 33, 5.0, 5.0),
                            (3, 20, -1e6, 1e6), (99, 17, 0.1, 0.2), (2021, 8, -1.0, 0.0)]:
        cases.append(Recorder(seed).uniform_(n, lo, hi).case)
    for seed, n, mean, std in [(0, 10, 0.3, 2.7), (1, 100, 0.3, 2.7), (42, 16, -5.0, 0.01),
                               (3, 40, 100.0, 0.0), (99, 7, 1.5, 1e-3), (2021, 31, -0.25, 4.0)]:
        cases.append(Recorder(seed).normal_(n, mean, std).case)

    # randint: negative low, ranges at and beyond 2**32, the int64 extremes.
    for seed, n, low, high in [(0, 20, -10, 10), (1, 12, -100, -50), (42, 8, 0, 2**32 - 1),
                               (3, 8, 0, 2**32), (99, 8, -2**40, 2**40), (7, 6, -2**63, 2**63 - 1),
                               (123, 10, 2**62, 2**62 + 3), (1234, 10, 0, 1)]:
        cases.append(Recorder(seed).randint(low, high, n).case)
    # randint into float32, including bounds PyTorch narrows beyond 2**24.
    for seed, n, low, high in [(0, 20, 0, 10), (1, 10, -7, 3), (42, 8, 0, 2**32 + 10),
                               (3, 8, -2**62, 2**62), (99, 6, 2**24 + 1, 2**24 + 9)]:
        cases.append(Recorder(seed).randint_float(low, high, n).case)

    # randperm: every n in 1..30 and a few larger (0 draws nothing).
    for n in range(0, 31):
        cases.append(Recorder(SEEDS[n % len(SEEDS)]).randperm(n).case)
    for seed, n in [(0, 100), (42, 257), (1234, 1000)]:
        cases.append(Recorder(seed).randperm(n).case)

    # bernoulli_(p) on float tensors.
    for seed, n, p in [(0, 50, 0.5), (1, 40, 0.1), (42, 40, 0.9), (3, 10, 0.0), (7, 10, 1.0),
                       (99, 64, 1.0 / 3.0), (2**62 + 12345, 20, 0.75)]:
        cases.append(Recorder(seed).bernoulli_(n, p).case)

    # The global generator, through torch.manual_seed, with the *_like forms
    # and dropout's mask.
    cases.append(Recorder(0, use_global=True).rand(4).randn(5).rand_like(2, 3).randn_like(4, 5).case)
    cases.append(Recorder(42, use_global=True).randint(0, 6, 10).randperm(5).dropout_mask(32, 0.5).case)
    cases.append(Recorder(1234, use_global=True).dropout_mask(20, 0.2).randn(3).case)

    # A fresh generator nobody seeded: PyTorch's default seed.
    cases.append(Recorder(None).rand(5).randn(5).randn(20).randint(0, 1000, 5).randperm(8).case)

    # Edge sizes.
    cases.append(Recorder(5).rand(0).randn(0).randint(0, 3, 0).bernoulli_(0, 0.5).rand(1).case)

    seeds_used = {c["seed"] for c in cases}
    assert all(s in seeds_used for s in SEEDS)

    digests = [
        digest(0, 1, "randn", 2**20),
        digest(42, 1, "randn", 1000003),
        digest(1, 1, "normal_", 2**20, 0.3, 2.7),
        digest(0, 1, "uniform_", 2**20, -3.7, 2.9),
        digest(7, 1, "uniform_", 2**18, -1e4, 1e-2),
        digest(0, 30000, "randn", 7),
        digest(3, 30000, "normal_", 5, 0.3, 2.7),
        digest(2, 1, "randint", -1000, 1000, 2**18),
        digest(3, 1, "randint", 0, 2**40, 2**16),
        digest(9, 1, "randint_float", -2**30, 2**30, 2**16),
        digest(4, 1, "bernoulli_", 2**18, 0.3),
        digest(5, 1, "randperm", 100000),
    ]

    errors = [
        {"op": "randint", "low": 5, "high": 5,
         "message": error_text(lambda: torch.randint(5, 5, (3,)))},
        {"op": "randint", "low": 7, "high": -2,
         "message": error_text(lambda: torch.randint(7, -2, (3,)))},
        {"op": "randint_float", "low": 5, "high": 5,
         "message": error_text(lambda: torch.randint(5, 5, (3,), dtype=torch.float32))},
        {"op": "randint_float", "low": 2**24 + 3, "high": 2**24 + 4,
         "message": error_text(lambda: torch.randint(2**24 + 3, 2**24 + 4, (3,), dtype=torch.float32))},
        {"op": "randperm", "n": -1, "message": error_text(lambda: torch.randperm(-1))},
        {"op": "randperm", "n": -12, "message": error_text(lambda: torch.randperm(-12))},
        {"op": "uniform", "from": 2.0, "to": 1.0,
         "message": error_text(lambda: torch.empty(3).uniform_(2.0, 1.0))},
        {"op": "uniform", "from": 2.5, "to": 1.25,
         "message": error_text(lambda: torch.empty(3).uniform_(2.5, 1.25))},
        {"op": "uniform", "from": -3e38, "to": 3e38,
         "message": error_text(lambda: torch.empty(3).uniform_(-3e38, 3e38))},
        {"op": "uniform", "from": 0.0, "to": 1e39,
         "message": error_text(lambda: torch.empty(3).uniform_(0.0, 1e39))},
        {"op": "uniform", "from": -1e39, "to": 0.0,
         "message": error_text(lambda: torch.empty(3).uniform_(-1e39, 0.0))},
        {"op": "normal", "mean": 0.0, "std": -1.0,
         "message": error_text(lambda: torch.empty(3).normal_(0.0, -1.0))},
        {"op": "normal", "mean": 0.0, "std": -0.5,
         "message": error_text(lambda: torch.empty(30).normal_(0.0, -0.5))},
        {"op": "normal", "mean": 0.0, "std": -1e-7,
         "message": error_text(lambda: torch.empty(3).normal_(0.0, -1e-7))},
        {"op": "bernoulli", "p": 1.5,
         "message": error_text(lambda: torch.empty(3).bernoulli_(1.5))},
        {"op": "bernoulli", "p": -0.1,
         "message": error_text(lambda: torch.empty(3).bernoulli_(-0.1))},
    ]

    doc = {
        "generator": "tests/golden/generate_random.py",
        "torch": torch.__version__,
        "cpu_capability": "AVX2",
        "default_seed": torch.Generator().initial_seed(),
        "seeds": SEEDS,
        "cases": cases,
        "digests": digests,
        "errors": errors,
    }
    out = pathlib.Path(__file__).with_name("random.json")
    # One case per line: small, and a diff shows which case changed.
    lines = [json.dumps(c, separators=(",", ":")) for c in cases]
    head = {k: v for k, v in doc.items() if k not in ("cases", "digests", "errors")}
    text = json.dumps(head, indent=1)[:-2] + ",\n \"cases\": [\n  " + ",\n  ".join(lines) + "\n ],\n"
    text += " \"digests\": [\n  " + ",\n  ".join(json.dumps(d) for d in digests) + "\n ],\n"
    text += " \"errors\": [\n  " + ",\n  ".join(json.dumps(e) for e in errors) + "\n ]\n}\n"
    json.loads(text)  # well-formed
    out.write_text(text)
    print("wrote %s: %d cases, %d digests, %d errors, %d bytes"
          % (out, len(cases), len(digests), len(errors), len(text)))


if __name__ == "__main__":
    main()
