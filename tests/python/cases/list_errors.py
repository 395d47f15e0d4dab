tests = [lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3), lambda: [1].index(9),
         lambda: [1, 2, 3].__setitem__(slice(0, 3, 2), [1]), lambda: [][0]]
for t in tests:
    try:
        t()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
