rows = [("loss", 0.123456), ("accuracy", 0.9871), ("lr", 1e-4)]
w = max(len(name) for name, _ in rows)
for name, value in rows:
    print(f"{name:<{w}} = {value:>10.4f} | {value:<10.2e}| {value:^12.3g}|")
print("|" + "|".join(f"{h:^7}" for h in ["a", "bb", "ccc"]) + "|")
print("{:*>10}".format("right"), "{:#<10}".format("left"), "{:=^11}".format("mid"))
print(f"{'tight':.3}|{3.14159:.3}|{1234.5678:.3}|")
