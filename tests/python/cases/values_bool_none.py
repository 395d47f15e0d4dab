print(True, False, None)
print(True + True, True * 10, False - 1, True / 2)
print(bool(0), bool(1), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool(0.0), bool({}))
print(not True, not 0, not [])
print(True and 3, 0 and 3, 0 or 5, "" or "x", None or 0, 1 or 2)
print(True == 1, False == 0, True is True, None is None, type(True), type(None))
print(isinstance(True, int), True & False, True | False, True ^ True)
x = None
print(x is None, x is not None, x == None)
