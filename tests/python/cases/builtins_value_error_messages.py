tests = [
    lambda: int("12a"),
    lambda: int("", 10),
    lambda: float("abc"),
    lambda: [1, 2].index(5),
    lambda: "abc".index("z"),
    lambda: [].remove(1),
    lambda: chr(-1),
    lambda: range(1, 2, 0),
    lambda: int("9", 8),
    lambda: "a b".split(""),
    lambda: max([]),
    lambda: (1, 2).index(3),
    lambda: int(float("nan")),
    lambda: "{} {}".format(1),
    lambda: "%d %d" % (1,),
    lambda: format(1.0, "d"),
    lambda: format("s", "d"),
    lambda: format(3, ".2d"),
    lambda: 1 << -1,
]
for t in tests:
    try:
        t()
        print("no error")
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
