try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e))
raise 42
