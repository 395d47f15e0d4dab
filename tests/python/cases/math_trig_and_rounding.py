import math
for deg in (0, 30, 45, 60, 90, 180):
    r = math.radians(deg)
    print(deg, round(math.sin(r), 6), round(math.cos(r), 6), round(math.tan(r), 3) if deg != 90 else "inf")
print(math.atan2(-1, -1), math.atan2(0, -1), math.hypot(5, 12), math.isclose(math.sin(math.pi), 0, abs_tol=1e-12))
print(math.floor(-0.0), math.copysign(1, -0.0), math.trunc(2.9), math.ceil(-2.9), round(-2.9))
print(sum(1 / math.factorial(k) for k in range(15)), math.e)
