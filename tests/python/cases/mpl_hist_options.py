# hist with weights, density, explicit edges and range; counts printed like numpy.
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

values = [0.1, 0.4, 0.35, 0.8, 0.95, 0.5, 0.55, 0.61, 0.2, 0.05]
counts, edges, _ = plt.hist(values, bins=4, weights=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
print(counts)
print(edges)
counts, edges, _ = plt.hist(values, bins=3, density=True)
print(counts)
print(repr(counts))
print(counts.max(), counts.min(), counts.shape)
counts, edges, _ = plt.hist(values, bins=[0, 0.25, 0.5, 1.0])
print(counts, edges)
counts, edges, _ = plt.hist(values, bins=6, range=(-1, 2))
print(counts)
print(repr(edges))
print(edges[1:3], edges[::2].tolist())
fig, ax = plt.subplots()
counts, edges, _ = ax.hist([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9], bins=7)
print(counts)
print(edges)
plt.close("all")
