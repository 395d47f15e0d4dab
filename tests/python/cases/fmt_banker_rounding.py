for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 4.5, 5.5]:
    print(v, round(v), f"{v:.0f}", "%.0f" % v)
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2))
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12350, -2))
print(round(0.1 + 0.2, 10), round(1/3, 5), round(2/3, 3))
print(f"{0.125:.2f} {0.375:.2f} {2.5:.0f} {1.25:.1f} {1.35:.1f}")
