rows = []
for i in range(1, 4):
    rows.append(" ".join(f"{i * j:3d}" for j in range(1, 6)))
print("\n".join(rows))
header = "| " + " | ".join(["name", "size"]) + " |"
print(header)
print("|" + "-" * (len(header) - 2) + "|")
for name, size in [("conv", 64), ("fc", 10)]:
    print(f"| {name:<4} | {size:>4} |")
s = ""
for ch in "abc":
    s += ch * 2
print(s, s.upper().center(12, "="))
bar = lambda frac, width=20: "[" + "#" * int(frac * width) + "." * (width - int(frac * width)) + "]"
for f in (0.0, 0.33, 1.0):
    print(bar(f), f"{f:.0%}")
