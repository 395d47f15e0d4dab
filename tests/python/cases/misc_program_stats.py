def mean(xs):
    return sum(xs) / len(xs)
def variance(xs):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / len(xs)
def normalize(xs, eps=1e-5):
    m = mean(xs)
    v = variance(xs)
    return [(x - m) / (v + eps) ** 0.5 for x in xs]
batch = [1.0, 2.0, 3.0, 4.0]
print("mean", mean(batch), "var", variance(batch))
out = normalize(batch)
print([round(v, 4) for v in out])
print(f"{mean(out):.6f} {variance(out):.6f}")
matrix = [[1, 2, 3], [4, 5, 6]]
rows = [normalize(r) for r in matrix]
for r in rows:
    print(" ".join(f"{v:+.3f}" for v in r))
cols = list(zip(*matrix))
print(cols, [mean(c) for c in cols])
