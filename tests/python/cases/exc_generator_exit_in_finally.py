def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
g = gen()
print(next(g))
g.close()
print("closed")
for x in gen():
    print(x)
