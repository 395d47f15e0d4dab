import math
x = -4
print(math.sqrt(x))
