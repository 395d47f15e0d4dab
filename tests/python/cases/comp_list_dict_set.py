squares = [x * x for x in range(6)]
evens = [x for x in range(10) if x % 2 == 0]
pairs = [(x, y) for x in range(3) for y in range(x)]
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
flat = [v for row in matrix for v in row if v % 2]
print(squares, evens, pairs, matrix, flat)
d = {k: v for k, v in zip("abc", range(3))}
inv = {v: k for k, v in d.items()}
print(d, inv)
s = {x % 3 for x in range(10)}
print(s, sorted({c for c in "hello"}))
print([y for x in [[1, 2], [3]] for y in x])
x = "outer"
print([x for x in "ab"], x)
print({i: [j for j in range(i)] for i in range(3)})
print([[r[c] for r in matrix] for c in range(3)])
n = 3
print([n * i for i in range(3)])
def f(k):
    return [k * i for i in range(k)]
print(f(3))
print([a + b for a, b in [(1, 2), (3, 4)]])
print([(i, c) for i, c in enumerate("xy")])
print([x if x > 2 else -x for x in range(5)])
print([w.upper() for w in "the quick fox".split() if len(w) > 3])
