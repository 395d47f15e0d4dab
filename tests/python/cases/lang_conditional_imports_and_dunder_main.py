print(__name__)
if __name__ == "__main__":
    print("running as main")
try:
    import does_not_exist
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import nope
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
import math, random as rnd
print(math.floor(2.7), rnd.__name__, math.__name__)
