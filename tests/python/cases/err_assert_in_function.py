def check_shape(shape):
    assert len(shape) == 2, f"expected 2 dims, got {len(shape)}"
    return shape
print(check_shape((3, 4)))
check_shape((1, 2, 3))
