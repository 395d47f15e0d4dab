def f(a, b, c=3):
    return a + b + c
tests = [
    lambda: f(1),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, a=5),
    lambda: f(1, 2, d=5),
    lambda: f(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
def kwonly(*, x, y):
    pass
try:
    kwonly()
except TypeError as e:
    print(e)
try:
    kwonly(1)
except TypeError as e:
    print(e)
class K:
    def method(self, v):
        return v
try:
    K().method()
except TypeError as e:
    print(e)
try:
    K().method(1, 2)
except TypeError as e:
    print(e)
f(1, 2, 3, 4, 5)
