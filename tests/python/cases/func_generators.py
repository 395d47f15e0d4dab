def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(4)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(next(e), e.send(1), e.send("two"))
def delegate():
    yield "start"
    result = yield from count_up(3)
    yield f"end {result}"
print(list(delegate()))
def with_return():
    yield 1
    return "value"
w = with_return()
next(w)
try:
    next(w)
except StopIteration as s:
    print("return value:", s.value)
def sub():
    yield 1
    yield 2
    return "sub done"
def main():
    r = yield from sub()
    print("sub returned", r)
    yield 3
print(list(main()))
print(sum(x * x for x in range(5)), max(len(w) for w in ["a", "abc", "ab"]))
gen = (c.upper() for c in "abc")
print(next(gen), list(gen), list(gen))
def numbers():
    yield from [1, 2]
    yield from range(3, 5)
print(list(numbers()))
