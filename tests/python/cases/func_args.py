def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9))
print(f(a=0, c=1, d=2, z=3))
def g(x, y, /, z):
    return x + y + z
print(g(1, 2, z=3), g(1, 2, 3))
def h(*, only):
    return only
print(h(only="kw"))
args = [1, 2]
kwargs = {"c": 3, "extra": 4}
print(f(*args, **kwargs))
print(f(*[1], *[2, 3], c=0, **{"q": 1}, **{"r": 2}))
def defaults(x=[]):
    x.append(1)
    return x
print(defaults(), defaults(), defaults([0]))
def kw(**kw):
    return sorted(kw.items())
print(kw(b=2, a=1))
print(f.__name__, f.__defaults__, f.__kwdefaults__)
