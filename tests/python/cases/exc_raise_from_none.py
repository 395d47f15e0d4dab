try:
    {}["a"]
except KeyError:
    raise RuntimeError("clean message") from None
