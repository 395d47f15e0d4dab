try:
    [1, 2][5]
except IndexError:
    print("handling")
    undefined_name
