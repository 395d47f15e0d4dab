# Class weights and pos_weight have no derivative in PyTorch: with grad mode
# on, a weight that requires grad is refused (by the nll kernel's name for
# index targets); under no_grad, and for probability targets, it is accepted.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(4, 3, requires_grad=True)
t = torch.tensor([0, 2, 1, 0])
w = torch.ones(3, requires_grad=True)


def attempt(label, fn):
    try:
        print(label, fn())
    except RuntimeError as e:
        print(label, "RuntimeError:", e)


attempt("cross_entropy", lambda: F.cross_entropy(x, t, weight=w))
attempt("nll_loss", lambda: F.nll_loss(F.log_softmax(x, 1), t, weight=w))
attempt("label_smoothing", lambda: F.cross_entropy(x, t, weight=w, label_smoothing=0.1))
attempt("3-d input", lambda: F.cross_entropy(x.view(2, 3, 2), torch.tensor([[0, 1], [2, 0]]), weight=w))
attempt("4-d input", lambda: F.cross_entropy(x.view(1, 3, 2, 2), torch.tensor([[[0, 1], [2, 0]]]), weight=w))
attempt("module", lambda: nn.CrossEntropyLoss(weight=w)(x, t))
y = torch.rand(4, 3)
attempt("bce weight", lambda: F.binary_cross_entropy_with_logits(x, y, weight=w))
attempt("bce pos_weight", lambda: F.binary_cross_entropy_with_logits(x, y, pos_weight=w))
attempt("bce module", lambda: nn.BCEWithLogitsLoss(pos_weight=w)(x, y))

with torch.no_grad():
    attempt("no_grad cross_entropy", lambda: F.cross_entropy(x, t, weight=w))
    attempt("no_grad bce", lambda: F.binary_cross_entropy_with_logits(x, y, pos_weight=w))

p = torch.softmax(torch.randn(4, 3), 1)
loss = F.cross_entropy(x, p, weight=w)
loss.backward()
print("probability target", loss, w.grad)
attempt("detached weight", lambda: F.cross_entropy(x, t, weight=w.detach()))
