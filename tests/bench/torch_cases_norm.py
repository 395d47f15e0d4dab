"""PyTorch counterparts of tests/bench/native/bench_norm.cpp (same names, same shapes).

What is timed, on both sides:
- forward: the functional op under torch.no_grad() (training BatchNorm also
  updates its running buffers, as ours does);
- backward: the ATen backward kernel called directly with the mean and
  invstd/rstd that the forward saved (torch.ops.aten.native_*_backward, all
  three gradients), i.e. the body of NativeBatchNormBackward0 and friends
  without the autograd engine around it. InstanceNorm2d has no kernel of its
  own in PyTorch: its backward is native_batch_norm_backward on the input
  viewed as [1, N*C, H, W] with the weight repeated N times, followed by the
  sum over N of the weight/bias gradients (RepeatBackward0).

LayerNorm normalises over the last dimension of 3-D inputs ([32,16,512]:
over 512) and over (C, H, W) of 4-D inputs, as nn.LayerNorm([C, H, W]) does.
GroupNorm uses 32 groups.
"""
import torch
import torch.nn.functional as F

EPS = 1e-5
SHAPES_4D = [[8, 64, 56, 56], [32, 64, 16, 16]]


def _affine(c):
    return torch.rand(c) + 0.5, torch.randn(c)


def batch_norm_train_forward(shape):
    x = torch.randn(shape)
    w, b = _affine(shape[1])
    rm, rv = torch.zeros(shape[1]), torch.ones(shape[1])

    def run():
        with torch.no_grad():
            F.batch_norm(x, rm, rv, w, b, True, 0.1, EPS)

    return run


def batch_norm_eval_forward(shape):
    x = torch.randn(shape)
    w, b = _affine(shape[1])
    rm, rv = torch.randn(shape[1]) * 0.1, torch.rand(shape[1]) + 0.5

    def run():
        with torch.no_grad():
            F.batch_norm(x, rm, rv, w, b, False, 0.1, EPS)

    return run


def batch_norm_backward(training):
    def make(shape):
        x = torch.randn(shape)
        w, b = _affine(shape[1])
        rm, rv = torch.randn(shape[1]) * 0.1, torch.rand(shape[1]) + 0.5
        _, save_mean, save_invstd = torch.ops.aten.native_batch_norm(x, w, b, rm, rv, training, 0.1, EPS)
        gy = torch.randn(shape)

        def run():
            torch.ops.aten.native_batch_norm_backward(
                gy, x, w, rm, rv, save_mean, save_invstd, training, EPS, [True, True, True])

        return run

    return make


def _layer_norm_dims(shape):
    return shape[-1:] if len(shape) == 3 else shape[1:]


def layer_norm_forward(shape):
    x = torch.randn(shape)
    dims = _layer_norm_dims(shape)
    w, b = torch.rand(dims) + 0.5, torch.randn(dims)

    def run():
        with torch.no_grad():
            F.layer_norm(x, dims, w, b, EPS)

    return run


def layer_norm_backward(shape):
    x = torch.randn(shape)
    dims = _layer_norm_dims(shape)
    w, b = torch.rand(dims) + 0.5, torch.randn(dims)
    _, mean, rstd = torch.ops.aten.native_layer_norm(x, dims, w, b, EPS)
    gy = torch.randn(shape)

    def run():
        torch.ops.aten.native_layer_norm_backward(gy, x, dims, mean, rstd, w, b, [True, True, True])

    return run


GROUPS = 32


def group_norm_forward(shape):
    x = torch.randn(shape)
    w, b = _affine(shape[1])

    def run():
        with torch.no_grad():
            F.group_norm(x, GROUPS, w, b, EPS)

    return run


def group_norm_backward(shape):
    x = torch.randn(shape)
    w, b = _affine(shape[1])
    n, c = shape[0], shape[1]
    hw = x.numel() // (n * c)
    _, mean, rstd = torch.ops.aten.native_group_norm(x, w, b, n, c, hw, GROUPS, EPS)
    gy = torch.randn(shape)

    def run():
        torch.ops.aten.native_group_norm_backward(gy, x, mean, rstd, w, n, c, hw, GROUPS, [True, True, True])

    return run


def instance_norm_forward(shape):
    x = torch.randn(shape)
    w, b = _affine(shape[1])

    def run():
        with torch.no_grad():
            F.instance_norm(x, None, None, w, b, True, 0.1, EPS)

    return run


def instance_norm_backward(shape):
    x = torch.randn(shape)
    w, b = _affine(shape[1])
    n, c = shape[0], shape[1]
    xv = x.view([1, n * c] + shape[2:])
    wr, br = w.repeat(n), b.repeat(n)
    _, save_mean, save_invstd = torch.ops.aten.native_batch_norm(xv, wr, br, None, None, True, 0.1, EPS)
    gy = torch.randn(shape).view([1, n * c] + shape[2:])

    def run():
        _, gw, gb = torch.ops.aten.native_batch_norm_backward(
            gy, xv, wr, None, None, save_mean, save_invstd, True, EPS, [True, True, True])
        gw.view(n, c).sum(0)
        gb.view(n, c).sum(0)

    return run


CASES = []
for _shape in SHAPES_4D:
    CASES += [
        ("BatchNorm2d train forward", _shape, batch_norm_train_forward),
        ("BatchNorm2d eval forward", _shape, batch_norm_eval_forward),
        ("BatchNorm2d train backward", _shape, batch_norm_backward(True)),
        ("BatchNorm2d eval backward", _shape, batch_norm_backward(False)),
        ("LayerNorm forward", _shape, layer_norm_forward),
        ("LayerNorm backward", _shape, layer_norm_backward),
        ("GroupNorm forward", _shape, group_norm_forward),
        ("GroupNorm backward", _shape, group_norm_backward),
        ("InstanceNorm2d forward", _shape, instance_norm_forward),
        ("InstanceNorm2d backward", _shape, instance_norm_backward),
    ]
CASES += [
    ("LayerNorm forward", [32, 16, 512], layer_norm_forward),
    ("LayerNorm backward", [32, 16, 512], layer_norm_backward),
]
