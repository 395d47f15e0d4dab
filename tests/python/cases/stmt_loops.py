for i in range(3):
    print("for", i)
else:
    print("for else")
for i in range(5):
    if i == 2:
        continue
    if i == 4:
        break
    print("loop", i)
else:
    print("not printed")
n = 0
while n < 3:
    n += 1
    print("while", n)
else:
    print("while else")
while True:
    n -= 1
    if n == 0:
        break
print("n", n)
for ch in "ab":
    for k in range(2):
        if k == 1:
            break
        print(ch, k)
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
print(total)
for x in []:
    print("never")
else:
    print("empty else")
