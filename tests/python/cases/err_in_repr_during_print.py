class Bad:
    def __repr__(self):
        return 42
print([1, 2])
print(repr(Bad()))
