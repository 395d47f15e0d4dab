assert True
assert 1 == 1, "fine"
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("caught:", e)
try:
    assert False
except AssertionError as e:
    print("caught empty:", repr(e))
x = -1
assert x > 0, f"x must be positive, got {x}"
