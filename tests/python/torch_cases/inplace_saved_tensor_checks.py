# Which in-place changes break a later backward, and how the error names the
# tensor: PyTorch saves each operand of a product only for the other one's
# gradient, and names the grad_fn a saved input has at the time of the check.
import torch
torch.manual_seed(0)
def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except RuntimeError as e:
        print(label, "RuntimeError:", e)

def a():
    x = torch.randn(3, requires_grad=True)
    y = x.sigmoid()
    y.mul_(2)
    y.sum().backward()
def b():
    x = torch.randn(3, requires_grad=True)
    y = x * 2
    z = y.exp()
    y.add_(1)
    z.sum().backward()
def c():
    x = torch.randn(3, requires_grad=True)
    h = x.relu()
    out = h * h
    h += 1
    out.sum().backward()
def d():
    w = torch.randn(3, requires_grad=True)
    x = torch.randn(3)
    y = (w * x).sum()
    x.add_(1)
    y.backward()
def e():
    x = torch.randn(2, 3, requires_grad=True)
    y = torch.tanh(x)
    y[0] = 0
    y.sum().backward()
def f():
    x = torch.randn(3, requires_grad=True)
    x.add_(1)
def g():
    lin = torch.nn.Linear(3, 2)
    out = lin(torch.randn(4, 3))
    with torch.no_grad():
        lin.weight.mul_(0.5)
    out.sum().backward()
def h():
    # x * w saves w only because x requires grad, and x only because w does.
    w = torch.randn(3, requires_grad=True)
    x = torch.randn(3)
    y = (x * w).sum()
    with torch.no_grad():
        w.mul_(2)          # w was not saved: fine
    y.backward()
    print("h grad", w.grad.shape)
def i():
    w = torch.randn(3, 2, requires_grad=True)
    x = torch.randn(4, 3)
    y = (x @ w).sum()
    with torch.no_grad():
        w.add_(1)          # not needed for w's own gradient
    x.add_(1)              # needed: x is saved for w's gradient
    y.backward()
def j():
    w = torch.randn(3, requires_grad=True)
    x = torch.randn(3, requires_grad=True)
    y = (x / w).sum()
    with torch.no_grad():
        x.mul_(2)          # x is saved for w's gradient
    y.backward()
def k():
    x = torch.randn(5, requires_grad=True)
    v = torch.randn(5)
    y = torch.dot(x, v)
    v.zero_()
    y.backward()
def l():
    m = torch.randn(2, 3, requires_grad=True)
    v = torch.randn(3)
    y = torch.mv(m, v).sum()
    with torch.no_grad():
        m.zero_()
    y.backward()
    print("l grad", m.grad)
for name, fn in [("a", a), ("b", b), ("c", c), ("d", d), ("e", e), ("f", f), ("g", g), ("h", h), ("i", i), ("j", j), ("k", k), ("l", l)]:
    attempt(name, fn)
print([t._version for t in (torch.randn(2), torch.rand(2), torch.zeros(2), torch.empty(2).normal_(), torch.nn.Linear(2, 2).weight)])
