items = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(items), 0)))
it = iter([])
print(next(it, "default"), next(iter("a"), None))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 4)))
