class Node:
    def __init__(self, n):
        self.child = Node(n + 1)
try:
    Node(0)
except RecursionError as e:
    print("RecursionError", e)
def f(n):
    return [f(n + 1)]
try:
    f(0)
except RecursionError:
    print("caught")
l = []
for i in range(200000):
    l = [l]
del l
print("freed")
x = []
for i in range(3000):
    x = [x]
try:
    print(x)
except RecursionError as e:
    print("repr", e)
print(sorted([3, 1, 2], key=lambda v: -v))
