def averager():
    total, count = 0, 0
    avg = None
    try:
        while True:
            try:
                value = yield avg
            except ValueError as e:
                print("reset because", e)
                total, count, avg = 0, 0, None
                continue
            total += value
            count += 1
            avg = total / count
    finally:
        print("averager closed")
a = averager()
print(next(a))
print(a.send(10), a.send(20))
print(a.throw(ValueError("bad input")))
print(a.send(5))
a.close()
def gen():
    yield 1
g = gen()
print(next(g), next(g, "done"))
