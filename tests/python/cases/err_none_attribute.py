def find(items, target):
    for item in items:
        if item == target:
            return item
result = find([1, 2, 3], 5)
result.append(4)
