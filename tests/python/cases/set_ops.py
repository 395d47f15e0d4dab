a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({9}))
s = set()
s.add(3); s.add(1); s.add(2); s.add(3)
print(s, len(s), 2 in s, 5 in s)
s.discard(1); s.discard(99); s.remove(2)
print(s)
s.update([7, 8], {9})
print(s, sorted(s))
print(set("aab") == {"a", "b"}, sorted(set("hello")), {x * x for x in range(-3, 4)})
f = frozenset([3, 1])
print(f, f | {2}, len(f), {f: 1}[frozenset({1, 3})])
print({10, 100, 1000, 5, 64, 33, 8}, {-1, -2, 0}, {2**40, 7}, set([1.5, 2.5, 0.5]))
c = {1, 2, 3}
c -= {1}; c |= {10}; c &= {2, 10, 11}; print(c)
print(set(), frozenset(), set(range(20)))
p = {3, 1, 2}
print(p.pop(), p)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {1}.remove(5)
except KeyError as e:
    print("KeyError", e)
print({(1, 2), (0, 1)}, {True, 1, 1.0, 2})
