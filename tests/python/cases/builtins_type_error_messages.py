float_index = 1.5
none_index = None
tests = [
    lambda: len(1, 2),
    lambda: abs("x"),
    lambda: sum(["a", "b"]),
    lambda: sorted([1, "a"]),
    lambda: [1, 2] + (3,),
    lambda: "ab" * "c",
    lambda: [1] * 2.5,
    lambda: {[1]: 2},
    lambda: iter(5),
    lambda: next([1]),
    lambda: -"x",
    lambda: 1 < "a",
    lambda: None + 1,
    lambda: int(None),
    lambda: float([]),
    lambda: ord("ab"),
    lambda: "x".join([1, 2]),
    lambda: round("1"),
    lambda: (1, 2)[0:1] + [3],
    lambda: isinstance(1, 2),
    lambda: "abc"[float_index],
    lambda: [][none_index],
    lambda: {}.get(),
    lambda: hash([]),
    lambda: divmod("a", 1),
    lambda: max(),
    lambda: range("3"),
    lambda: chr("a"),
    lambda: "a" < 1 < 2,
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
