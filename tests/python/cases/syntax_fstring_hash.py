n = 3
print(f"{n # the count}")
