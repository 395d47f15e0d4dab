class Pipeline:
    def __init__(self, steps):
        self.steps = steps
    def run(self, x):
        for step in self.steps:
            x = self.apply(step, x)
        return x
    def apply(self, step, x):
        return step(x)
p = Pipeline([abs, str, len, lambda n: n / (n - 1)])
print(p.run(-5))
print(p.run(7))
