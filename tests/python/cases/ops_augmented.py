x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x = 17
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0xF; print(x)
x |= 0x30; print(x)
x ^= 0xFF; print(x)
s = "ab"; s += "cd"; s *= 2; print(s)
l = [1]; m = l; l += [2, 3]; print(l, m, l is m)
t = (1,); u = t; t += (2,); print(t, u)
d = {"a": 1}; d["a"] += 10; print(d)
class P:
    def __init__(self): self.v = 1
p = P(); p.v += 41; print(p.v)
lst = [1, 2, 3]; lst[1] *= 10; print(lst)
