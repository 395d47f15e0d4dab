it = iter([10, 20, 30])
while True:
    try:
        value = next(it)
    except StopIteration:
        print("done")
        break
    print("value", value)
def pairs(seq):
    it = iter(seq)
    for a in it:
        b = next(it, None)
        yield a, b
print(list(pairs([1, 2, 3, 4, 5])))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "end"))
