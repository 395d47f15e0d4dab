class OnlyStr:
    def __str__(self):
        return "str-form"
class OnlyRepr:
    def __repr__(self):
        return "repr-form"
a, b = OnlyStr(), OnlyRepr()
print(a, b, str(b), f"{a} {b} {b!r}")
print([b], (b,), {"k": b}, str([b]))
print(repr(a).startswith("<__main__.OnlyStr object at 0x"), "%s %r" % (a, b))
print("{} {!r}".format(b, b), format(b), format(a, ""))
