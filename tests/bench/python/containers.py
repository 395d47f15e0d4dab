# Building and reading lists and dicts: append, comprehensions, indexing, get.
squares = []
for i in range(40000):
    squares.append(i * i)
evens = [s for s in squares if s % 2 == 0]
index = {}
for i, s in enumerate(evens):
    index[s] = i
hits = 0
for k in range(0, 80000, 3):
    if index.get(k) is not None:
        hits += 1
words = {}
for i in range(20000):
    key = i % 97
    words[key] = words.get(key, 0) + 1
pairs = [(k, v) for k, v in words.items()]
pairs.sort()
print(len(squares), len(evens), hits, pairs[0], pairs[-1], sum(squares[::1000]))
