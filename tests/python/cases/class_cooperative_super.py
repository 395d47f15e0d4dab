class Base:
    def __init__(self, name, **kwargs):
        self.name = name
        print("Base init", name, kwargs)
class WithSize(Base):
    def __init__(self, size=1, **kwargs):
        super().__init__(**kwargs)
        self.size = size
        print("WithSize init", size)
class Final(WithSize):
    def __init__(self, **kwargs):
        print("Final init start")
        super().__init__(**kwargs)
        print("Final init end")
    def describe(self):
        return f"{self.name}:{self.size}"
f = Final(name="f", size=4, extra=True)
print(f.describe(), isinstance(f, Base))
