def documented(x):
    """Return x doubled."""
    return 2 * x
print(documented.__doc__)
print(documented.__name__, documented(4))
def nodoc():
    return 1
print(nodoc.__doc__)
class C:
    """A class docstring."""
    def m(self):
        "method doc"
print(C.__doc__, C.m.__doc__, C.__name__)
documented.extra = "attribute"
print(documented.extra)
print(C.m.__qualname__, documented.__qualname__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
