class Tensorish:
    def view(self, rows, cols):
        return (rows, cols)
t = Tensorish()
print(t.view(2, 3))
print(t.view(2))
