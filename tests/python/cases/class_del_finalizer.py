class Resource:
    def __init__(self, n):
        self.n = n
        print("open", n)
    def __del__(self):
        print("close", self.n)
r = Resource(1)
r = Resource(2)
del r
def use():
    x = Resource(3)
    print("using", x.n)
use()
items = [Resource(4), Resource(5)]
items.pop()
print("popped")
tmp = [Resource(i) for i in range(6, 8)]
tmp = None
class Noisy:
    def __del__(self):
        print("noisy finalizer")
n = Noisy()
del n
print("end")
