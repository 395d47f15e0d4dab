# Return values of plot and the errors matplotlib raises for bad arguments.
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

lines = plt.plot([1, 2, 3], [4, 5, 6], label="train")
print(len(lines), lines[0].get_color(), lines[0].get_label())
(second,) = plt.plot([3, 2, 1])
print(second.get_color(), len(second.get_xdata()))
pair = plt.plot([1, 2], [1, 2], "o-", [1, 2], [2, 1], "--")
print(len(pair), pair[0].get_color(), pair[1].get_color())
print(plt.plot())
try:
    plt.plot([1, 2, 3], [1, 2])
except ValueError as e:
    print("ValueError:", e)
try:
    plt.plot([1, 2], "q")
except ValueError as e:
    print("ValueError:", e)
try:
    plt.plot([1, 2], foo=3)
except AttributeError as e:
    print("AttributeError:", e)
try:
    plt.scatter([1, 2, 3], [1, 2])
except ValueError as e:
    print("ValueError:", e)
try:
    plt.hist([1, 2, 3], bins=0)
except ValueError as e:
    print("ValueError:", e)
try:
    plt.colorbar()
except RuntimeError as e:
    print("RuntimeError:", str(e)[:40])
fig, axes = plt.subplots(2, 2)
try:
    axes[2, 0]
except IndexError as e:
    print("IndexError:", e)
try:
    plt.subplot(2, 2, 5)
except ValueError as e:
    print("ValueError:", e)
plt.close("all")
