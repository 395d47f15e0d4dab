print(1 < 2, 2 < 1, 1 <= 1, 1 == 1.0, 1 != 2, 3 >= 3, 3 > 3)
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 1 == 1 == 1.0, 1 < 2 < 3 < 2)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), [] == [], (1,) == (1,))
print("a" < "b" < "c", "abc" <= "abc")
print(1 in [1, 2], 3 not in [1, 2], "a" in "cat", 2 in (1, 2), 'k' in {'k': 1}, 3 in {3})
a = [1]
b = [1]
print(a == b, a is b, a is not b, a is a)
def side(v):
    print("eval", v)
    return v
print(side(1) < side(2) < side(0) < side(5))
print(float('nan') == float('nan'), float('nan') != float('nan'), 1 < float('inf'))
