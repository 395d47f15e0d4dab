records = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: -r[1]))
data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(sorted(data), sorted(data, reverse=True), data.index(5))
big = [(i * 37) % 101 for i in range(100)]
print(sorted(big)[:10], sorted(big, reverse=True)[:5], sorted(big) == sorted(sorted(big)))
words = ["pear", "Apple", "fig", "apple", "Fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
