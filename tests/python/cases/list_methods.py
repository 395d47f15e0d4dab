l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); print(l)
l.insert(0, 0); print(l)
l.insert(100, 99); print(l)
l.insert(-1, 77); print(l)
print(l.pop(), l.pop(0), l)
l.remove(77); print(l)
print(l.index(2), l.count(1), [1, 1, 2].count(1))
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.reverse(); print(l)
c = l.copy(); c.append("x"); print(l, c)
l.clear(); print(l)
m = [5, 3, 8]
m.sort(key=lambda v: -v); print(m)
n = [[2, "b"], [1, "a"], [2, "a"]]
n.sort(); print(n)
words = ["Banana", "apple", "cherry"]
words.sort(key=str.lower); print(words)
print([1, 2] * 2, [0] * 3, [[0] * 2 for _ in range(2)])
a = [1, 2, 3, 4, 5, 6]
a[1:3] = [20, 30, 40]; print(a)
a[::2] = [0, 0, 0, 0]; print(a)
del a[::3]; print(a)
a[:] = []; print(a)
b = [1, 2, 3]
b[len(b):] = [4]; print(b, b[-2:], b[:-2], b[::-1], b[5:], b[1:1])
print(list("ab") + ["c"], [x for x in [1, 2, 3] if x != 2])
print([1, [2, 3]] == [1, [2, 3]], [1, 2] != [2, 1], max([[1, 2], [1, 3]]))
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][0])
r = [1]; r.append(r); print(r)
