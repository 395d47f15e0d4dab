data = {"layers": [{"name": "conv", "params": (3, 3, 64)}, {"name": "fc", "params": (10,)}], "lr": 1e-3, "ok": True, "none": None}
print(data)
print([[1.5, 2.0], [float("inf"), -0.0]], ((),), [[]], [{}], {"a": {"b": {"c": [1, (2, 3)]}}})
print(["quote's", 'dq"s', "both'\""], ("tab\t",), {"new\nline": 1})
print(str(data["layers"][0]), repr("x"), [repr("y")])
