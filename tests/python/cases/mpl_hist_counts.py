# plt.hist returns numpy's histogram: counts, edges (last bin closed), patches.
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

data = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 10]
counts, edges, patches = plt.hist(data, bins=3)
print(counts)
print(edges)
print(counts.tolist(), edges.tolist())
print(len(counts), counts.sum(), counts[0], counts[-1])
c2, e2, _ = plt.hist([0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5], bins=[0, 1, 2, 3])
print(c2.tolist(), e2.tolist())
c3, e3, _ = plt.hist([5, 5, 5], bins=4)
print(c3, e3)
c4, e4, _ = plt.hist([0.1, 0.2, 0.25, 0.7, 0.9, 1.0], bins=5, range=(0, 1))
print(c4, e4)
d, _, _ = plt.hist([1, 2, 2, 3], bins=2, density=True)
print(d)
total = 0
for c in counts:
    total += c
print(total)
c5, e5, _ = plt.hist(list(range(100)))
print(c5)
print(e5)
plt.close("all")
