pets = [("cat", "tom"), ("dog", "rex"), ("cat", "kit"), ("bird", "tweety"), ("dog", "max")]
groups = {}
for kind, name in pets:
    groups.setdefault(kind, []).append(name)
print(groups)
counts = {}
for kind, _ in pets:
    counts[kind] = counts.get(kind, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {}
for i in range(6):
    nested.setdefault(i % 2, {}).setdefault(i % 3, []).append(i)
print(nested)
merged = {}
for d in [{"a": 1}, {"b": 2, "a": 3}, {"c": 4}]:
    merged.update(d)
print(merged, {**merged, "a": 0}, list(merged.keys())[::-1])
inv = {v: k for k, v in merged.items()}
print(inv, len(inv), min(inv), max(inv.values()))
