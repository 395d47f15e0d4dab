square = lambda x: x * x
print(square(7), (lambda a, b=2: a ** b)(3))
print(sorted([3, 1, 2], key=lambda v: -v))
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print([fact(i) for i in range(8)])
def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(5)), hanoi(2))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-5))
