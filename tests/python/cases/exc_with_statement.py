class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Ctx("a") as c:
    print("body", c.name)
with Ctx("b", suppress=True):
    raise ValueError("suppressed")
print("after b")
with Ctx("outer"), Ctx("inner"):
    print("nested body")
def f():
    with Ctx("ret"):
        return "returned"
print(f())
try:
    with Ctx("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
for i in range(3):
    with Ctx(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body")
