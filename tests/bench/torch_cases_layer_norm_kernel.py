"""PyTorch counterpart of tests/bench/native/bench_layer_norm.cpp."""
import torch


def layer_norm_forward(shape):
    x = torch.randn(shape)
    w = torch.ones(shape[-1])
    b = torch.zeros(shape[-1])

    def run():
        with torch.no_grad():
            torch.nn.functional.layer_norm(x, (shape[-1],), w, b, 1e-5)

    return run


CASES = [
    ("LayerNorm forward (last dim kernel)", [32, 16, 512], layer_norm_forward),
]
