class Err(ValueError):
    pass
e = Err("bad", 3)
print(repr(e), str(e), e.args, isinstance(e, ValueError))
try:
    raise Err("oops")
except ValueError as caught:
    print("caught as ValueError:", caught)
