def read(n):
    for i in range(n):
        yield f"line {i}"
def parse(lines):
    for line in lines:
        _, num = line.split()
        yield int(num)
def evens(nums):
    return (n for n in nums if n % 2 == 0)
pipeline = evens(parse(read(10)))
print(list(pipeline))
def take(n, it):
    it = iter(it)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, naturals())), list(take(3, "ab")))
def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]
print(list(chunks(list(range(7)), 3)))
def running_mean():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
rm = running_mean()
next(rm)
print([rm.send(v) for v in [10, 20, 30]])
