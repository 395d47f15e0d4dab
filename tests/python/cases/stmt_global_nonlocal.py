counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def make():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return bump
b = make()
print(b(), b(), b())
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed"
    inner()
    return x
print(outer())
def set_global():
    global new_name
    new_name = "created"
set_global()
print(new_name)
