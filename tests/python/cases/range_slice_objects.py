r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], 5 in r, 6 in r, r.index(8), r.count(5))
print(range(5), range(0, 5), range(0, 10, 2), list(range(10, 0, -3)), range(3) == range(0, 3))
print(list(range(-5)), len(range(0, 100, 7)), range(10)[::-1], list(range(10)[2:8:2]))
s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step, [0, 1, 2, 3, 4, 5][s], "abcdef"[slice(None, None, -1)])
print(slice(3), s.indices(3), "hello"[slice(1, None)])
try:
    range(3)[5]
except IndexError as e:
    print(e)
for i in range(3, 0, -1):
    print(i, end=" ")
print()
