import math
def area(r):
    return math.pi * r ** 2
print(f"{area(2):.2f")
