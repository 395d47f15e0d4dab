pairs = [(1, 2), (3, 4)]
print(list(map(lambda a, b: a + b, *zip(*pairs))))
print(list(map(lambda a, b: a + b, pairs)))
