def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def register(registry):
    def deco(fn):
        registry.append(fn.__name__)
        return fn
    return deco
names = []
@register(names)
@trace
def both():
    return "both"
both()
print(names)
class Box:
    def __init__(self, v):
        self._v = v
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        print("setting", value)
        self._v = value
    @staticmethod
    def helper(x):
        return x * 2
    @classmethod
    def make(cls, v):
        return cls(v)
b = Box.make(3)
b.v = 10
print(b.v, Box.helper(4), b.helper(5), type(b).__name__)
