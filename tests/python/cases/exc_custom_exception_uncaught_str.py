class ShapeError(Exception):
    def __init__(self, expected, got):
        self.expected = expected
        self.got = got
        super().__init__(f"expected {expected}, got {got}")
raise ShapeError((2, 3), (3, 2))
