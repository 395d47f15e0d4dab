items = [1, 2, 3]
print(f"first: {items[0)}")
