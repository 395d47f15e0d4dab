data = [4, 8, 15, 16, 23, 42]
if (n := len(data)) > 5:
    print("long list", n)
print([y for x in data if (y := x % 5) > 1])
i = 0
while (i := i + 1) < 4:
    print("i", i)
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C"
print([grade(s) for s in (95, 85, 70)])
