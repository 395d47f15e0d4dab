try:
    raise ValueError("a", 2)
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    {}["missing"]
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    undefined_thing
except NameError as e:
    print(e)
e = StopIteration(5)
print(e.value, repr(e))
print(ZeroDivisionError.__mro__)
print(isinstance(KeyError(), LookupError), issubclass(RecursionError, RuntimeError))
