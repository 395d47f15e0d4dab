class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, Num):
            return Num(self.v + other.v)
        if isinstance(other, int):
            return Num(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        return self.__add__(other)
    def __repr__(self):
        return f"Num({self.v})"
print(Num(1) + Num(2), Num(1) + 5, 5 + Num(1), sum([Num(1), Num(2)], Num(0)))
try:
    Num(1) + "x"
except TypeError as e:
    print(e)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"Cmp({self.v})"
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), Cmp(1) < Cmp(2), Cmp(2) > Cmp(1))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print(e)
