data = {"name": "conv1", "shape": (64, 3, 3, 3)}
items = [1.5, 2.25, 3.125]
print(f"{data['name']}: {data['shape']} -> {len(data['shape'])}D")
print(f"{'yes' if items else 'no'} {sum(items):.2f} {max(items)!r} {items[-1]:>8.3f}")
print(f"{(lambda x: x * 2)(21)} {[i ** 2 for i in range(4)]} {', '.join(map(str, items))}")
print(f"{data['name'].upper():^12}|{str(items[0]):<6}|{repr('q')}")
n = 5
print(f"{n:{'>' if n > 3 else '<'}{n + 3}}|", f"{f'{n}':>4}|", f"{n!s:>3}|", f"{3.0 == 3!r}")
print(f"{1_000_000 / 3:,.3f} {2 ** 10:_d} {-17 // 4} {17 % -4}")
print(f"{'a' 'b'}", f"{'%d%%' % 50}", f"{{}}{n}{{x}}")
