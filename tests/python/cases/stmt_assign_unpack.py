a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
h, *mid, t = "abcde"
print(h, mid, t)
x, *y = [1]
print(x, y)
p = q = r = 0
print(p, q, r)
i, j = k, l = 7, 8
print(i, j, k, l)
for n, (m, o) in enumerate([(1, 2), (3, 4)]):
    print(n, m, o)
a, b, *_ = 1, 2, 3, 4
print(a, b, _)
