class Shape:
    sides = 0
    registry = []
    def __init__(self, name):
        self.name = name
    @classmethod
    def create(cls, *args):
        obj = cls(*args)
        Shape.registry.append(obj)
        return obj
    @classmethod
    def describe(cls):
        return f"{cls.__name__} with {cls.sides} sides"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Triangle(Shape):
    sides = 3
class Square(Shape):
    sides = 4
    def __init__(self, name, size):
        super().__init__(name)
        self.size = size
    def __repr__(self):
        return super().__repr__()[:-1] + f", {self.size})"
t = Triangle.create("t1")
s = Square.create("s1", 2)
print(t, s, Shape.registry, Triangle.describe(), s.describe(), Shape.describe())
print([type(x).sides for x in Shape.registry])
