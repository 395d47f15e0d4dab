import math
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.exp(800)
except OverflowError as e:
    print("OverflowError:", e)
print(1e308 * 10, -1e308 * 10, float("inf") - float("inf"))
print(2 ** 62, 2 ** 62 - 1 + 2 ** 62, -(2 ** 62) * 2)
