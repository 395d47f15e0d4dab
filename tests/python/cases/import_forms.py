import math
import math as m
from math import floor, ceil as c
from random import *
import random, time
print(m.floor(1.5), floor(2.5), c(2.1), math is m)
seed(1)
print(randint(1, 6) == random.__dict__["randint"](1, 6) or True)
import sys
print(sys.maxsize, type(sys.argv).__name__)
sys.stdout.write("written via sys.stdout\n")
print("to stdout", file=sys.stdout)
