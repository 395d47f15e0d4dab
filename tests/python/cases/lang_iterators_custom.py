class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i * 2
            i += 1
r = Range2(4)
print(list(r), list(r), sum(r), 4 in r, max(r))
print([x for x in r if x > 2], dict(zip(r, "abcd")))
it = iter(r)
print(next(it), next(it))
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
print(list(Fib(50)))
print(sorted(Fib(10), reverse=True), tuple(enumerate(Fib(3))))
