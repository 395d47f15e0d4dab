class Config:
    def __init__(self):
        self._data = {"lr": 0.1}
    def __getattr__(self, name):
        if name in self._data:
            return self._data[name]
        raise AttributeError(f"no setting {name!r}")
c = Config()
print(c.lr)
try:
    c.momentum
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(c, "momentum", "default"), hasattr(c, "lr"), hasattr(c, "nope"))
class Tracked:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
t = Tracked()
t.a = 1
t.b = [2]
print(t.a, t.b, vars(t))
