class Animal:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f"{self.name} is an animal"
    def sound(self):
        return "..."
class Cat(Animal):
    def __init__(self, name, indoor):
        super().__init__(name)
        self.indoor = indoor
    def describe(self):
        base = super().describe()
        return base + (" (indoor)" if self.indoor else "")
    def sound(self):
        return "meow"
class Kitten(Cat):
    def sound(self):
        return super().sound() + " (tiny)"
k = Kitten("Tom", True)
print(k.describe(), k.sound())
print(isinstance(k, Animal), issubclass(Kitten, Animal), issubclass(Animal, Cat))
print([c.__name__ for c in Kitten.__mro__])
print(Kitten.__bases__[0].__name__)
class Base:
    greeting = "hello"
    @classmethod
    def create(cls):
        return cls()
    def who(self):
        return type(self).__name__
class Derived(Base):
    pass
print(Derived.create().who(), Derived.greeting)
class A:
    def f(self):
        return "A.f"
class B(A):
    def f(self):
        return "B.f+" + super(B, self).f()
print(B().f())
