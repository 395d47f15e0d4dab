name = "Ada"
x = 3.14159
n = 42
print(f"Hello {name}!", f"{name!r}", f"{name!s}", f"{name!a}")
print(f"{x:.2f} {x:.0f} {x:10.3f}| {x:<10.1f}| {x:^10.2f}| {x:+.1f} {-x:.1f}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{n:#b}|{n:,}")
print(f"{1234567.891:,.2f} {0.25:.1%} {1e-5:.2e} {12345.678:e} {0.000123:g} {1e20:g}")
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|{'fill':*^9}|{'x':->4}")
print(f"{n + 1} {n * 2} {len(name)} {name.upper()} {[1, 2][0]}")
print(f"{{literal}} {{{n}}}")
width, prec = 10, 3
print(f"{x:{width}.{prec}f}|")
print(f"{n=}", f"{x = :.2f}", f"{name=!s}")
print(f"{3 > 2}", f"{None}", f"{[1, 'a']}", f"{(1, 2)}")
print(f"""multi
{n}""")
print(f"{'nested ' + f'{n}'}")
print(f"{True:d} {-0.0:.1f} {1000000:_} {255:08b}")
print(f"{12:+d} {12: d} {-12: d}")
d = {"k": "v"}
print(f"{d['k']} {d}")
