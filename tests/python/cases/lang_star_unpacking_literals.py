a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, *b), {*a, *b}, [*"hi"], [*range(3), *{}.keys()])
d1 = {"x": 1}
d2 = {"y": 2, "x": 0}
print({**d1, **d2}, {**d2, **d1}, {"z": 9, **d1})
def f(*args, **kwargs):
    return args, kwargs
print(f(*a, *b), f(**d1, **{"w": 1}), f(*a, 10, *b, k=1, **d2))
first, *middle, last = *a, *b
print(first, middle, last)
print(*[1, 2], *"ab", sep="|")
