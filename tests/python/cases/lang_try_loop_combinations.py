for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        if i == 2:
            raise ValueError(i)
        print("body", i)
    except ValueError as e:
        print("except", e)
        continue
    else:
        print("else", i)
    finally:
        print("finally", i)
print("after loop")
def search(items, target):
    for idx, item in enumerate(items):
        try:
            if item == target:
                return idx
        finally:
            print("checked", item)
    return -1
print(search("abc", "b"), search("ab", "z"))
count = 0
while True:
    try:
        count += 1
        if count < 3:
            continue
        break
    finally:
        print("while finally", count)
