class A: pass
class B(A): pass
class C(B): pass
objs = [A(), B(), C(), 1, "s", None, 2.0, True]
for o in objs:
    print(type(o).__name__, isinstance(o, A), isinstance(o, (B, int)), isinstance(o, object))
print(issubclass(C, A), issubclass(A, C), issubclass(bool, (str, int)), issubclass(C, C))
print([cls.__name__ for cls in C.__mro__])
print(type(C()) == C, type(C()) is B, isinstance(C, type))
