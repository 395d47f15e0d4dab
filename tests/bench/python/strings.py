# String formatting: f-strings with specs, %-formatting, str.format, join.
lines = []
for i in range(8000):
    lines.append(f"{i:5d} {i * 0.5:8.2f} {i % 7}")
    lines.append("%d-%s" % (i, "x"))
    lines.append("{}:{:>4}".format(i, i % 100))
text = "\n".join(lines)
parts = text.split("\n")
count = 0
for p in parts:
    if p.startswith("  ") or p.endswith("x"):
        count += 1
print(len(text), len(parts), count, parts[-1].upper())
