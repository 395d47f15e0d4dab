print(abs(-3), abs(-3.5), divmod(9, 4), divmod(-9, 4), pow(3, 2), pow(2, 5, 7), pow(3, -1, 7))
print(ord("a"), chr(65), chr(0x263A), hex(31), oct(9), bin(5), bin(-5))
print(hash(1), hash(True), hash(0), hash(-1), hash(2**61), hash((1, 2)), hash(1.5), hash(-2.5))
print(callable(print), callable("s"), callable(lambda: 0), callable(int))
print(round(3.14159, 3), round(10.0), type(round(2.5)), type(round(2.5, 1)))
print(getattr("abc", "upper")(), hasattr([], "append"), hasattr([], "nope"))
print(isinstance(3, (int, float)), type(3) is int, type(True) is bool)
x = 10
print(eval_free := x * 2)
print(vars(type("T", (), {"a": 1})())) 
print(len(dir([])) > 30, "append" in dir([]), "upper" in dir(str))
print(globals()["x"], "x" in globals())
def f():
    local_var = 1
    return sorted(locals())
print(f())
print(max(range(10), key=lambda v: (v % 3, v)), min((3, "c"), (1, "z")))
print(divmod(10.5, 3), pow(2, 0.5), pow(-8, 3))
