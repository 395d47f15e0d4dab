class Counter:
    count = 0
    items = []
    def add(self, x):
        self.items.append(x)
        self.count += 1
a = Counter()
b = Counter()
a.add(1)
b.add(2)
print(a.count, b.count, Counter.count, a.items is b.items, Counter.items)
class Fixed:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
c, d = Fixed(), Fixed()
c.add(1)
print(c.items, d.items)
print(Counter.add.__name__, type(Counter.__dict__["count"]).__name__)
