data = ["1", "2", "x"]
total = sum(map(lambda s: int(s), data))
