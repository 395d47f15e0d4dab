class Layer:
    units = 10
print(Layer.units)
print(Layer.size)
