t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, 2 in t, t.index(2), t.count(3))
print((1,), (), tuple(), (1, 2) < (1, 3), (1, 2) == (1, 2), tuple("ab"))
a, b = t[:2]
print(a, b, max(t), min(t), sum(t), sorted(t, reverse=True))
nested = ((1, 2), (3, 4))
print(nested[1][0], [x for pair in nested for x in pair])
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
x = 1,
print(x, type(x).__name__)
try:
    t[0] = 5
except TypeError as e:
    print(e)
print(tuple(range(3)), (1, 'a', None, [2]))
