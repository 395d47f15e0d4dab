# __name__, __qualname__, __module__ and __doc__ on instances, classes,
# functions and methods.


class A:
    """A's doc."""

    def method(self):
        """method doc"""
        return 1

    class Inner:
        def deep(self):
            pass

    @staticmethod
    def smeth():
        pass

    @classmethod
    def cmeth(cls):
        pass


class B(A):
    pass


def outer():
    def inner():
        pass
    return inner


def nodoc():
    pass


lam = lambda: 0
a = A()
b = B()

for label, obj in [("instance A", a), ("instance B", b), ("instance Inner", A.Inner()),
                   ("class A", A), ("class B", B), ("class Inner", A.Inner),
                   ("function outer", outer), ("function inner", outer()), ("lambda", lam),
                   ("function A.method", A.method), ("bound a.method", a.method),
                   ("function Inner.deep", A.Inner.deep), ("staticmethod", A.smeth),
                   ("classmethod", A.cmeth), ("nodoc", nodoc)]:
    for attr in ["__name__", "__qualname__", "__module__", "__doc__"]:
        has = hasattr(obj, attr)
        value = getattr(obj, attr, "<missing>")
        print(f"{label:22} {attr:14} {has!s:5} {value!r}")

try:
    a.__qualname__
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.__name__
except AttributeError as e:
    print("AttributeError:", e)

print(type(a).__qualname__, type(a).__name__, a.__class__.__qualname__)
print(A.Inner.__qualname__, A.Inner.__name__)
print("__qualname__" in A.__dict__, "__module__" in A.__dict__, "__doc__" in A.__dict__)
print(hasattr(int, "__qualname__"), int.__qualname__, int.__name__, int.__module__)
print(hasattr(5, "__qualname__"), hasattr(5, "__name__"), hasattr("s", "__module__"))
print(len.__name__, len.__qualname__, len.__module__)
A.__qualname__ = "Renamed"
print(A.__name__, A.__qualname__)
A.__name__ = "A2"
print(A.__name__, A.__qualname__)


def f():
    pass


f.__qualname__ = "g.h"
print(f.__name__, f.__qualname__)
f.__doc__ = "new doc"
print(f.__doc__)
print(nodoc.__doc__, A.method.__doc__, a.method.__doc__, A.__doc__, B.__doc__)
print(outer.__module__, A.__module__, a.__module__)
