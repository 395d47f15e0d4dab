total = 1 + \
        2 + \
        3
print(total)  # trailing comment
# a comment line
values = [
    1,  # one
    2,  # two
]
print(values)

if (total > 5 and
        values):
    print("multi-line condition")
text = ("implicit "
        "concatenation")
print(text)
x = 1; y = 2; print(x + y)
def f(): return "inline def"
print(f())
class C: pass
print(C.__name__)
for i in range(2): print("inline for", i)
while False: pass
