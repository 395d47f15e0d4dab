print(None, ..., Ellipsis, type(...).__name__, NotImplemented)
def f():
    pass
print(f(), repr(None), str(None))
x = [None] * 3
print(x, x.count(None))
