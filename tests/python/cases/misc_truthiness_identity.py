vals = [0, 1, -1, 0.0, 0.1, "", "0", [], [0], (), {}, {0: 0}, set(), None, range(0), range(1)]
print([bool(v) for v in vals])
a = b = [1]
print(a is b, [1] is [1], None == False, 0 == False, "" == False)
x = 256
y = 256
print(x == y, type(x) is type(y))
print(1 if [] else 2, 3 if "x" else 4)
