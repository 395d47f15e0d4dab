class P:
    pass
a = P(); b = P()
print(a == a, a == b, a != b, a is a)
s = {a, b, a}
print(len(s))
class Q:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
print(Q(1) == Q(1), Q(1) != Q(2), Q(1) in [Q(0), Q(1)])
try:
    hash(Q(1))
except TypeError as e:
    print(e)
