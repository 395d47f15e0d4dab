class Registry:
    _items = {}
    @classmethod
    def register(cls, name):
        def deco(klass):
            cls._items[name] = klass
            klass.registered_name = name
            return klass
        return deco
    @classmethod
    def build(cls, name, *args):
        return cls._items[name](*args)
@Registry.register("relu")
class ReLU:
    def __call__(self, x):
        return max(0, x)
@Registry.register("scale")
class Scale:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return self.k * x
layers = [Registry.build("relu"), Registry.build("scale", 3)]
x = -2
for layer in layers:
    x = layer(x)
    print(type(layer).__name__, layer.registered_name, x)
print(sorted(Registry._items))
Registry.build("softmax")
