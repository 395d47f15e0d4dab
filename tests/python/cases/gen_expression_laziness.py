def noisy(n):
    for i in range(n):
        print("producing", i)
        yield i
g = (x * 10 for x in noisy(3))
print("created")
print(next(g))
print(list(g))
total = sum(x for x in noisy(2))
print(total)
print(any(x > 0 for x in noisy(5)))
