def outer(x):
    def middle(y):
        def inner(z):
            return z[10]
        return inner(y * 2)
    return middle(x)
print(outer([1]))
