# Nested loops over ranges with integer arithmetic and comparisons.
total = 0
for i in range(300):
    for j in range(400):
        if (i ^ j) & 3 == 0:
            total += i * j % 7
        else:
            total -= 1
n = 0
k = 0
while k < 100000:
    n += k & 15
    k += 1
print(total, n)
