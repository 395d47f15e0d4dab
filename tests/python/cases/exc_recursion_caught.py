import sys
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(d > 500, sys.getrecursionlimit())
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
