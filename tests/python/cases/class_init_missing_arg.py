class Layer:
    def __init__(self, in_features, out_features):
        self.shape = (in_features, out_features)
layer = Layer(3)
