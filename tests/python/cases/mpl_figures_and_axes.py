# Figure numbering, subplots grids and their indexing, limits.
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

f1 = plt.figure()
f2 = plt.figure(figsize=(3, 2))
print(f1.number, f2.number, plt.get_fignums())
print(f1)
print(f2)
plt.close(f1)
print(plt.get_fignums())
f3 = plt.figure()
print(f3.number)
plt.close("all")
print(plt.get_fignums())

fig, axes = plt.subplots(2, 3, figsize=(9, 6))
print(fig)
print(axes.shape, len(axes), len(axes[0]))
print(type(axes[1, 2]).__name__, axes[1][2] is axes[1, 2], axes[-1, -1] is axes[1, 2])
n = 0
for row in axes:
    for ax in row:
        n += 1
print(n, len(list(axes.flat)))
fig, axes = plt.subplots(1, 2)
print(axes.shape, axes[0] is axes[1])
fig, ax = plt.subplots()
print(type(ax).__name__)
ax.plot([0, 1, 2, 3], [0, 1, 4, 9])
print(ax.get_xlim())
print(ax.get_ylim())
ax.set_xlim(-1, 5)
print(ax.get_xlim())
ax.set_ylim((0, 10))
print(ax.get_ylim())
print(plt.xlim(), plt.ylim())
print(plt.xlim(0, 2))
ax.set_title("squares")
ax.set_xlabel("n")
print(ax.get_title(), ax.get_xlabel(), repr(ax.get_ylabel()))
plt.close("all")

fig, ax = plt.subplots()
ax.bar([0, 1, 2], [3, 1, 2])
print(ax.get_xlim(), ax.get_ylim())
fig, ax = plt.subplots()
ax.hist([1, 2, 2, 3, 3, 3], bins=3)
print(ax.get_ylim())
plt.close("all")

fig, axes = plt.subplots(2, 3)
print(len(axes[1:]), axes[1:].shape, axes[:, 0].shape, axes[0, 1:].shape, axes[::-1, ::2].shape)
print(axes[:, 2][1] is axes[1, 2], axes[0, 1:][0] is axes[0, 1], axes[::-1][0][0] is axes[1, 0])
fig, axes = plt.subplots(1, 4)
print(axes[1:].shape, axes[-2:][0] is axes[2], len(axes[::2]))
plt.close("all")
