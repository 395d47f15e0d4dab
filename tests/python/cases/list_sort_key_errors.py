records = [{"n": 3}, {"n": 1}, {"n": 2}]
print([r["n"] for r in sorted(records, key=lambda r: r["n"])])
records.append({"x": 0})
records.sort(key=lambda r: r["n"])
