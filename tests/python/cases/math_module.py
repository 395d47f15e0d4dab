import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(8))
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.5), math.ceil(-3.5), math.trunc(-3.7), type(math.floor(2.5)))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.fabs(-2), math.factorial(10), math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0))
print(math.hypot(3, 4), math.copysign(3, -1), math.fmod(7, 3), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.comb(5, 2), math.perm(5, 2), math.isqrt(17))
print(math.exp(-1), math.log1p(1e-10), math.expm1(1e-10), math.tanh(0.5), math.erf(1.0), math.gamma(5))
print(math.sinh(1), math.cosh(1), math.asin(1), math.acos(0), math.atan(1))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2), lambda: math.factorial(-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
from math import sqrt, pi as PI
print(sqrt(9), PI)
print(math.dist([0, 0], [3, 4]), math.floor(7), math.ceil(-0.5))
