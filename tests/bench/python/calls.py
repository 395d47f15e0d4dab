# Python-to-Python calls: recursion, positional, default and keyword arguments.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def scale(x, factor=2, offset=0):
    return x * factor + offset


def apply(f, values):
    out = 0
    for v in values:
        out += f(v)
    return out


acc = 0
for i in range(40000):
    acc += scale(i, offset=1)
print(fib(20), acc, apply(lambda v: v * v, range(20000)))
