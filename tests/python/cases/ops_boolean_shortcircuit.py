def t(v):
    print("t", v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(3))
print(t(4) or t(5))
print(not t(0))
print(t([]) or t({}) or t("last"))
x = 1 if t(True) else t(2)
print(x)
y = t(0) if t(False) else "else"
print(y)
print(1 and 2 and 3, 1 and 0 and 3, 0 or '' or None)
