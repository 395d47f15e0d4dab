import torch

# A second backward through a node that saved something fails; nodes that
# saved nothing (adding a number) let the gradient accumulate again.
def twice(label, f, values=(1.0, 2.0, 3.0)):
    x = torch.tensor(values, requires_grad=True)
    y = f(x).sum()
    y.backward()
    try:
        y.backward()
        print(label, "second backward ok:", x.grad)
    except RuntimeError as e:
        print(label, "RuntimeError:", str(e).split(".")[0])

twice("x * 2", lambda x: x * 2)
twice("2 * x", lambda x: 2 * x)
twice("x / 2", lambda x: x / 2)
twice("x + 2", lambda x: x + 2)
twice("x - 2", lambda x: x - 2)
twice("2 - x", lambda x: 2 - x)
twice("-x", lambda x: -x)
twice("x * 0.5 + 1", lambda x: x * 0.5 + 1)
twice("x.mul(3)", lambda x: x.mul(3))
twice("x.div(4)", lambda x: x.div(4))

def inplace(op):
    def f(x):
        h = x.clone()
        op(h)
        return h
    return f

twice("h *= 3", inplace(lambda h: h.mul_(3)), (1.0, 2.0))
twice("h /= 3", inplace(lambda h: h.div_(3)), (1.0, 2.0))
twice("h += 3", inplace(lambda h: h.add_(3)), (1.0, 2.0))

# retain_graph keeps the wrapped scalar.
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x * 3).sum()
y.backward(retain_graph=True)
y.backward()
print(x.grad)

# The whole message.
loss = (x * 2).mean()
loss.backward()
try:
    loss.backward()
except RuntimeError as e:
    print(e)
