class DataError(Exception):
    pass
def load(s):
    try:
        return int(s)
    except ValueError as e:
        raise DataError(f"cannot parse {s!r}") from e
try:
    load("abc")
except DataError as e:
    print(e, "| cause:", repr(e.__cause__), e.__suppress_context__)
load("xyz")
