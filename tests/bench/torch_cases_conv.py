"""PyTorch counterpart of tests/bench/native/bench_conv.cpp.

Forward: F.conv2d under torch.no_grad(). Backward: aten.convolution_backward
called directly on prebuilt inputs (no autograd engine) for all three
gradients, as the C++ case calls nn::convolution_backward.
"""
import torch
import torch.nn.functional as F

aten = torch.ops.aten


def _filled(shape, phase, scale=1.0):
    n = 1
    for s in shape:
        n *= s
    return (torch.sin(torch.arange(n, dtype=torch.float64) * 0.7 + phase) * scale).float().reshape(shape)


def _inputs(shape):
    x = _filled(shape, 0.0)
    w = _filled([64, shape[1], 3, 3], 1.0, 0.05)
    b = _filled([64], 2.0)
    g = _filled([shape[0], 64, shape[2], shape[3]], 3.0)
    return x, w, b, g


def _forward(shape):
    x, w, b, _ = _inputs(shape)

    def run():
        with torch.no_grad():
            F.conv2d(x, w, b, 1, 1)

    return run


def _backward(shape):
    x, w, _, g = _inputs(shape)
    return lambda: aten.convolution_backward(g, x, w, [64], [1, 1], [1, 1], [1, 1], False, [0, 0], 1,
                                             [True, True, True])


CASES = [
    ("Conv2d(64, 64, 3, padding=1) forward", [8, 64, 56, 56], _forward),
    ("Conv2d(64, 64, 3, padding=1) backward", [8, 64, 56, 56], _backward),
]
