def make_accumulators():
    total = 0
    history = []
    def add(x):
        nonlocal total
        total += x
        history.append(total)
        return total
    def reset():
        nonlocal total, history
        total = 0
        history = []
    def report():
        return total, list(history)
    return add, reset, report
add, reset, report = make_accumulators()
add(5); add(10)
print(report())
reset()
add(1)
print(report())
def outer():
    x = 0
    def level1():
        def level2():
            nonlocal x
            x += 100
        level2()
        return x
    return level1()
print(outer())
