class Layer:
    kind = "dense"
    def __init__(self, n):
        self.n = n
        self.bias = True
    def forward(self, x):
        return x
    @property
    def size(self):
        return self.n
l = Layer(3)
print([a for a in dir(l) if not a.startswith("_")])
print([a for a in dir(Layer) if not a.startswith("_")])
print(vars(l), sorted(k for k in vars(Layer) if not k.startswith("_")))
print([a for a in dir([]) if not a.startswith("_")])
print([a for a in dir({}) if not a.startswith("_")])
print([a for a in dir("") if not a.startswith("_")][:10])
import math
print([a for a in dir(math) if a.startswith("f")])
