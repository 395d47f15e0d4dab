def first():
    raise KeyError("missing")
try:
    first()
except KeyError:
    raise ValueError("while handling the key error")
