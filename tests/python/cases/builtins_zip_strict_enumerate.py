print(list(zip("abc", [1, 2, 3], strict=True)))
print(list(enumerate(zip("ab", "cd"))))
print(dict(enumerate("xyz", start=100)))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip()), list(zip([])), list(zip(range(3), range(10), "ab")))
