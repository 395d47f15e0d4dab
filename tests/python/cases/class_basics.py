class Dog:
    species = "canis"
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
    def speak(self):
        return f"{self.name} says woof"
d = Dog("Rex")
e = Dog("Fido")
print(d.speak(), e.speak(), Dog.count, d.species, Dog.species)
d.species = "wolf"
print(d.species, e.species, Dog.species)
print(type(d).__name__, isinstance(d, Dog), Dog.__name__)
print(hasattr(d, "name"), getattr(d, "name"), getattr(d, "age", "unknown"))
setattr(d, "age", 3)
print(d.age, vars(e))
print(Dog.speak(d))
m = d.speak
print(m())
class Empty:
    pass
x = Empty()
x.a = 1
print(x.a, Empty.__name__, x.__class__.__name__)
