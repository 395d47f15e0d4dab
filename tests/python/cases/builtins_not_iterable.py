for v in 42:
    print(v)
