d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], "a" in d, "z" not in d, list(d), list(d.keys()), list(d.values()))
print(d.items(), d.keys(), d.values())
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("e", 5), d.setdefault("a", 99))
print(d.pop("e"), d.pop("zz", "nope"), d)
d.update({"a": 10, "f": 6}, g=7)
print(d)
print(d.popitem(), d)
del d["b"]
print(d, sorted(d), sorted(d.items()), {k: v for k, v in sorted(d.items())})
c = d.copy(); c["new"] = 1; print(len(d), len(c))
print(dict.fromkeys("ab", 0), dict.fromkeys([1, 2]))
counts = {}
for w in "the cat the dog the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
d2 = {1: "int", 1.0: "float", True: "bool"}
print(d2)
e = {"x": 1}
e2 = {**e, "y": 2, **{"z": 3}}
print(e2, e | {"w": 0}, {"a": 1} == {"a": 1}, {"a": 1} != {"a": 2})
d3 = {}
d3[(1, 2)] = "tuple key"; d3[None] = "none"; d3[3.5] = "float"
print(d3)
for k in d3:
    print(k, d3[k])
print({k: len(k) for k in ["aa", "b"]})
z = {"k": [1]}
z["k"].append(2)
print(z, d2.get(1), list(reversed({"a": 1, "b": 2})))
d4 = dict(a=1); d4 |= {"b": 2}; print(d4)
d4.clear(); print(d4)
