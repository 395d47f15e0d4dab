a = b = [0, 0]
a[0] = 1
print(a, b)
x, y = y, x = 1, 2
print(x, y)
m = [[0] * 2] * 2
m[0][0] = 5
print(m)
n = [[0] * 2 for _ in range(2)]
n[0][0] = 5
print(n)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
