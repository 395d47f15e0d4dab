print("%d items" % 5, "%s and %s" % ("a", "b"), "%r" % "q", "%5.2f|" % 3.14159)
print("%-5d|%05d|%+d|% d" % (42, 42, 42, 42))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%e %.3E %g %G" % (12345.678, 0.00012, 0.0001, 1e20))
print("%c%c" % (72, "i"), "%%", "%s" % [1, 2], "%s" % (1,))
print("%(name)s is %(age)d" % {"name": "Al", "age": 30})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%i %u %d" % (3.9, 4, -2.5))
print("%.3s" % "abcdef", "%10s|%-10s|" % ("r", "l"))
print("%s" % None, "%d%%" % 50)
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s %s" % ("only one",)
except TypeError as e:
    print(e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print(e)
