class Grid:
    size = 3
    cells = [[0] * 3 for _ in range(3)]
    def total(self):
        return sum(sum(r) for r in self.cells)
print(Grid.cells, Grid().total())
x = 10
result = [x for x in range(3)]
print(x, result)
y = [i for i in range(3)]
try:
    print(i)
except NameError as e:
    print("NameError:", e)
squares = {n: n * n for n in range(4)}
print(squares)
