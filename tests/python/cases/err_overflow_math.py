import math
values = [1, 10, 100, 1000]
for v in values:
    print(v, math.exp(v))
