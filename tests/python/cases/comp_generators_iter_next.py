it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
it2 = iter("ab")
print(list(it2), list(it2))
r = iter(range(3))
print(next(r), list(r))
d = {"x": 1, "y": 2}
ki = iter(d)
print(next(ki), next(ki))
g = (i * 2 for i in range(3))
print(type(g).__name__, list(g))
def gen():
    yield 1
    yield 2
print([x for x in gen()], tuple(gen()), set(gen()), sum(gen()))
print(any(x > 1 for x in gen()), all(x > 0 for x in gen()))
e = enumerate("abc", start=1)
print(next(e), list(e))
z = zip([1, 2, 3], "ab")
print(list(z))
it = iter([1, 2])
next(it); next(it)
next(it)
