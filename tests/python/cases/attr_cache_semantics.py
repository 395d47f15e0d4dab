# Attribute lookups that the evaluator caches must follow every change:
# monkeypatched classes, shadowing, descriptors added later, __getattr__,
# __class__ assignment, deleted attributes.


class A:
    kind = "class attr"

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def name(self):
        return "A.name"


def read_all(objs):
    return [(o.v, o.kind, o.get(), o.name()) for o in objs]


objs = [A(1), A(2)]
print(read_all(objs))
objs[0].kind = "instance attr"          # shadows the class attribute
print(read_all(objs))
A.kind = "changed class attr"
print(read_all(objs))
del objs[0].kind
print(read_all(objs))
A.get = lambda self: self.v * 100       # monkeypatch a method
print(read_all(objs))
objs[1].name = lambda: "instance function"  # instance attribute hides the method
print(read_all(objs))
del objs[1].name
print(read_all(objs))


class B(A):
    pass


bs = [B(5), B(6)]
print(read_all(bs))
A.name = lambda self: "patched in base"
print(read_all(bs + objs))
B.name = lambda self: "patched in subclass"
print(read_all(bs + objs))
del B.name
print(read_all(bs))

# A property added later takes precedence over the instance dictionary.
A.v = property(lambda self: "property v")
print(read_all(objs))
del A.v
print(read_all(objs))


# __getattr__ added later is used for missing names only.
def lookup_missing(objs):
    out = []
    for o in objs:
        try:
            out.append(o.missing)
        except AttributeError as e:
            out.append("AttributeError: " + str(e))
    return out


print(lookup_missing(objs))
A.__getattr__ = lambda self, name: "getattr " + name
print(lookup_missing(objs), objs[0].v)
del A.__getattr__
print(lookup_missing(objs))


# __setattr__ added later intercepts stores.
def store(objs):
    for i, o in enumerate(objs):
        o.w = i
    return [o.__dict__.get("w") for o in objs]


print(store(objs))
A.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 10)
print(store(objs))
del A.__setattr__
print(store(objs))


# A data descriptor on the class wins over the instance dictionary.
class Logged:
    def __init__(self):
        self.log = []

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return ("descr", obj.__dict__.get("_x"))

    def __set__(self, obj, value):
        obj.__dict__["_x"] = value


class C:
    def __init__(self):
        self.x = 1


cs = [C(), C()]
print([c.x for c in cs])
C.x = Logged()
for c in cs:
    c.x = 42
print([c.x for c in cs], [sorted(c.__dict__) for c in cs])


# A non-data descriptor (function) is shadowed by the instance dictionary.
class D:
    def f(self):
        return "method"


d = D()
print(d.f())
d.__dict__["f"] = lambda: "from dict"
print(d.f())


# __class__ assignment changes the cached lookups.
class E1:
    def who(self):
        return "E1"


class E2:
    def who(self):
        return "E2"


e = E1()
res = []
for i in range(4):
    res.append(e.who())
    e.__class__ = E2 if i % 2 == 0 else E1
print(res, type(e).__name__)


# Attributes set in different orders on different instances.
class G:
    pass


g1, g2 = G(), G()
g1.a = 1
g1.b = 2
g2.b = 3
g2.a = 4
print([(g.a, g.b) for g in (g1, g2)])
del g1.a
g1.c = 5
g1.a = 6
print([(g.a, g.b) for g in (g1, g2)], g1.__dict__, g2.__dict__)
try:
    del g1.zz
except AttributeError as e:
    print("AttributeError:", e)


# Class attributes and instance counts.
class Counter:
    created = 0

    def __init__(self):
        Counter.created += 1
        self.id = Counter.created


cs = [Counter() for _ in range(5)]
print([c.id for c in cs], Counter.created, cs[0].created)


# __init__ returning a value is an error; __init__ errors propagate.
class Bad:
    def __init__(self):
        return 1


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, x):
        if x < 0:
            raise ValueError("negative")
        self.x = x


try:
    Raises(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    Raises()
except TypeError as e:
    print("TypeError:", e)
try:
    Raises(1, 2, z=3)
except TypeError as e:
    print("TypeError:", e)
print(Raises(x=5).x)


# A class whose __init__ is replaced after instances were created.
class H:
    def __init__(self):
        self.tag = "old"


print(H().tag)
H.__init__ = lambda self: setattr(self, "tag", "new")
print(H().tag)


def init3(self, a, b=2, *rest, key=None, **kw):
    self.vals = (a, b, rest, key, kw)


H.__init__ = init3
print(H(1).vals, H(1, 3, 4, 5, key="k", other=1).vals)


# Generator __init__ is an error in CPython too.
class Gen:
    def __init__(self):
        yield 1


try:
    Gen()
except TypeError as e:
    print("TypeError:", e)
