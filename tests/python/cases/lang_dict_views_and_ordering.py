d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(list(d), list(d.values()), list(d.items()))
del d["a"]
d["a"] = 4
print(d)
keys = d.keys()
d["z"] = 0
print(keys, len(keys), "z" in keys, keys & {"a", "q"} == {"a"})
print(sorted(d.keys() - {"b"}), list(zip(d.keys(), d.values())))
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1])})
inverted = {}
for k, v in d.items():
    inverted.setdefault(v % 2, []).append(k)
print(inverted)
