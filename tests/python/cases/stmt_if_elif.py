def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for v in [-3, 0, 7, 42]:
    print(v, classify(v))
if []:
    print("no")
elif {}:
    print("no")
else:
    print("empty containers are false")
x = 3
if x: print("one-liner")
if x > 1 and x < 5 or x == 100: print("combined")
