"""PyTorch counterpart of tests/bench/native/bench_pool.cpp.

Forward: the functional op under torch.no_grad() (MaxPool2d's forward in
1.13 computes indices even then). Backward: the aten backward op called
directly on prebuilt inputs (no autograd engine), as the C++ cases call
ours: max_pool2d_with_indices_backward, avg_pool2d_backward,
_adaptive_avg_pool2d_backward, and for AdaptiveAvgPool2d((1,1)), which 1.13
computes as x.mean((-1, -2), keepdim=True), MeanBackward1's formula
grad.expand(x.shape) / (H*W).
"""
import torch
import torch.nn.functional as F

aten = torch.ops.aten


def _filled(shape, phase):
    n = 1
    for s in shape:
        n *= s
    return torch.sin(torch.arange(n, dtype=torch.float64) * 0.7 + phase).float().reshape(shape)


def _forward(op):
    def make(shape):
        x = _filled(shape, 0.0)

        def run():
            with torch.no_grad():
                op(x)

        return run

    return make


def _max_backward(kernel, stride, padding):
    def make(shape):
        x = _filled(shape, 0.0)
        out, idx = F.max_pool2d(x, kernel, stride, padding, return_indices=True)
        g = _filled(out.shape, 1.0)
        k, s, p = [kernel] * 2, [stride] * 2, [padding] * 2
        return lambda: aten.max_pool2d_with_indices_backward(g, x, k, s, p, [1, 1], False, idx)

    return make


def _avg_backward(shape):
    x = _filled(shape, 0.0)
    g = _filled(F.avg_pool2d(x, 2).shape, 1.0)
    return lambda: aten.avg_pool2d_backward(g, x, [2, 2], [2, 2], [0, 0], False, True, None)


def _adaptive_backward(size):
    def make(shape):
        x = _filled(shape, 0.0)
        g = _filled(F.adaptive_avg_pool2d(x, size).shape, 1.0)
        if size == (1, 1):
            n = shape[-1] * shape[-2]
            return lambda: g.expand(shape) / n
        return lambda: aten._adaptive_avg_pool2d_backward(g, x)

    return make


CASES = []
for _shape in ([8, 64, 56, 56], [32, 64, 16, 16]):
    CASES += [
        ("MaxPool2d(2) forward", _shape, _forward(lambda x: F.max_pool2d(x, 2))),
        ("MaxPool2d(2) forward with indices", _shape, _forward(lambda x: F.max_pool2d(x, 2, return_indices=True))),
        ("MaxPool2d(2) backward", _shape, _max_backward(2, 2, 0)),
        ("MaxPool2d(3, 2, 1) forward", _shape, _forward(lambda x: F.max_pool2d(x, 3, 2, 1))),
        ("MaxPool2d(3, 2, 1) backward", _shape, _max_backward(3, 2, 1)),
        ("AvgPool2d(2) forward", _shape, _forward(lambda x: F.avg_pool2d(x, 2))),
        ("AvgPool2d(2) backward", _shape, _avg_backward),
        ("AdaptiveAvgPool2d((1,1)) forward", _shape, _forward(lambda x: F.adaptive_avg_pool2d(x, (1, 1)))),
        ("AdaptiveAvgPool2d((1,1)) backward", _shape, _adaptive_backward((1, 1))),
        ("AdaptiveAvgPool2d((7,7)) forward", _shape, _forward(lambda x: F.adaptive_avg_pool2d(x, (7, 7)))),
        ("AdaptiveAvgPool2d((7,7)) backward", _shape, _adaptive_backward((7, 7))),
    ]
