x = "global"
def read_global():
    return x
def shadow():
    x = "local"
    return x
print(read_global(), shadow(), x)
def enclosing():
    y = "enclosing"
    def inner():
        return y
    y = "changed before call"
    return inner()
print(enclosing())
class C:
    attr = "class attr"
    doubled = attr * 2
    items = [attr for _ in range(2)]
    def method(self):
        return attr if False else self.attr
print(C.doubled, C().method(), C.items)
def default_binding(v=x):
    return v
x = "rebound"
print(default_binding(), x)
for loop_var in range(3):
    pass
print(loop_var)
