Point = type("Point", (), {"x": 0, "describe": lambda self: f"Point({self.x})"})
p = Point()
p.x = 5
print(p.describe(), type(p).__name__, Point.__name__)
Derived = type("Derived", (Point,), {"y": 1})
print(Derived().y, Derived().x, issubclass(Derived, Point))
print(type(p) is Point, type(type(p)).__name__)
