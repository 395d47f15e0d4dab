print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{0}{0}".format("x"))
print("{name} is {age}".format(name="Bo", age=3))
print("{0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 5))
print("{:>6}|{:<6}|{:^6}|".format(1, 2, 3))
print("{0:.2f} {1:d} {2!r} {2!s}".format(1.234, 7, "q"))
print("{{}} {}".format("braces"))
data = {"a": 1, "b": 2}
print("{a}-{b}".format(**data), "{a}".format_map(data))
print("{:{w}.{p}f}".format(3.14159, w=8, p=2))
class P:
    x = 10
print("{0.x}".format(P()))
for row in [("apple", 3, 0.5), ("kiwi", 12, 1.25)]:
    print("{:<8}{:>4}{:>8.2f}".format(*row))
