class P(tuple):
    __slots__ = ()
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"P(x={self.x}, y={self.y})"
p = P(1, 2)
print(p, p.x, p.y, type(p).__name__, isinstance(p, tuple), len(p), p + (3,), tuple(p))
a, b = p
print(a, b, p == (1, 2), hash(p) == hash((1, 2)))
class Q(tuple):
    pass
print(Q([1,2]), type(Q([1,2])))
class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
s1 = Single(1); s2 = Single(2)
print(s1 is s2, s1.v)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
class A: pass
print(hasattr(A(), '__qualname__'), hasattr(A, '__qualname__'), A.__qualname__)


# A namedtuple-like class: fields as properties over tuple items.
class Point(tuple):
    "Point(x, y)"
    __slots__ = ()
    _fields = ("x", "y")

    def __new__(cls, x, y=0):
        return tuple.__new__(cls, (x, y))

    @property
    def x(self):
        "Alias for field number 0"
        return self[0]

    @property
    def y(self):
        "Alias for field number 1"
        return self[1]

    def __repr__(self):
        return "%s(x=%r, y=%r)" % (type(self).__name__, *self)

    def _replace(self, **kw):
        return type(self)(kw.get("x", self.x), kw.get("y", self.y))

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)


p = Point(3, 4)
print(p, repr(p), p.x, p.y, p[0], p[-1], len(p))
print(p._replace(y=10), p._asdict(), p + Point(1, 1))
print(Point(7), Point(x=1, y=2), Point(5, y=6))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(p == (3, 4), p != (3, 5), p < (4, 0), p.count(3), p.index(4))
print(list(p), tuple(p), max(p), sum(p), 3 in p)
print(isinstance(p, Point), isinstance(p, tuple), type(p) is Point, Point.__mro__)
d = {p: "here"}
print(d[(3, 4)], d[Point(3, 4)])
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)


class Point3(Point):
    _fields = ("x", "y", "z")

    def __new__(cls, x, y, z):
        self = tuple.__new__(cls, (x, y, z))
        return self

    z = property(lambda self: self[2])

    def __repr__(self):
        return "Point3(%r, %r, %r)" % tuple(self)


q = Point3(1, 2, 3)
print(q, q.x, q.y, q.z, len(q), isinstance(q, Point), q._asdict())


# __new__ with __init__: both run, with the same arguments.
class Logged(tuple):
    def __new__(cls, *items):
        print("new", cls.__name__, items)
        return super().__new__(cls, items)

    def __init__(self, *items):
        print("init", items)
        self.extra = len(items)


lg = Logged(1, 2, 3)
print(lg, lg.extra)


# __new__ returning an instance of another class skips __init__.
class Factory:
    def __new__(cls, kind):
        if kind == "tuple":
            return (1, 2)
        return super().__new__(cls)

    def __init__(self, kind):
        self.kind = kind


print(Factory("tuple"), Factory("obj").kind)


# __new__ on a plain class, with keyword arguments.
class Counter:
    count = 0

    def __new__(cls, *args, **kwargs):
        cls.count += 1
        inst = object.__new__(cls)
        inst.created_with = (args, kwargs)
        return inst

    def __init__(self, a, b=2):
        self.a, self.b = a, b


c1 = Counter(1)
c2 = Counter(1, b=5)
print(Point.x.__doc__, type(Point.x).__name__)
try:
    Point(1, 2).z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(Counter.count, c1.created_with, c2.created_with, c2.a, c2.b)
print(type(Counter.__dict__["__new__"]).__name__)


# A list subclass with __new__ and __init__.
class Stack(list):
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.label = "stack"
        return inst

    def __init__(self, items=()):
        super().__init__(items)


s = Stack([1, 2, 3])
s.append(4)
print(s, s.label, len(s), type(s).__name__)
