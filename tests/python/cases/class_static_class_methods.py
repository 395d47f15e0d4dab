class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @classmethod
    def how_many(cls):
        return f"{cls.__name__}: {cls.instances}"
    @staticmethod
    def add(a, b):
        return a + b
Counter(); Counter()
print(Counter.how_many(), Counter().how_many(), Counter.add(2, 3), Counter().add(1, 1))
class Sub(Counter):
    pass
print(Sub.how_many())
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    def __repr__(self):
        return f"Date({self.y}, {self.m}, {self.d})"
print(Date.from_string("2024-01-15"))
