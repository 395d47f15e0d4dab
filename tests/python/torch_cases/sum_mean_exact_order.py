import torch

# Float sums and means add in PyTorch's order (cascade, ILP, 8 lanes), so the
# last digits printed by .item() and .tolist() are PyTorch's own.
torch.manual_seed(0)


def show(label, t):
    values = t.reshape(-1).tolist()
    print(label, values[:6], len(values))


for n in [1, 2, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 257, 1000, 4100]:
    x = torch.randn(n)
    print(n, x.sum().item(), x.mean().item(), (x * x).sum().item())

for shape, dims in [((3, 10), 1), ((3, 10), 0), ((10, 3), 0), ((20, 40), 0), ((20, 40), 1),
                    ((5, 37), 0), ((70, 9), 0), ((2, 3, 4), 1), ((4, 6, 50), 1), ((4, 6, 50), (0, 2)),
                    ((2, 3, 5, 5), (0, 2, 3)), ((8, 4, 3, 3), (0, 2, 3)), ((3, 40, 7), (1, 2)),
                    ((6, 5, 4), (0, 1)), ((2, 3, 4, 9), (0, 2))]:
    x = torch.randn(*shape)
    show(f"sum {shape} dim={dims}", x.sum(dim=dims))
    show(f"mean {shape} dim={dims}", x.mean(dim=dims))
    show(f"mean keepdim {shape} dim={dims}", x.mean(dim=dims, keepdim=True))

# What a normalization lesson prints: the mean of normalized activations.
h = torch.randn(64, 16) * 3 + 2
z = (h - h.mean(dim=0)) / h.std(dim=0)
print(z.mean(dim=0)[:4])
print(z.mean())
print(torch.ones(10).div(10).sum(), torch.full((3,), 1 / 3).sum())
