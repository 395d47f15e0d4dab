# Instance attribute reads and writes, method calls, a small class hierarchy.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, i):
        self.pos = Vec(i, -i)
        self.vel = Vec(1, 2)
        self.steps = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        self.steps += 1


particles = [Particle(i) for i in range(60)]
for _ in range(300):
    for p in particles:
        p.step()
energy = 0
for p in particles:
    energy += p.pos.dot(p.vel) + p.steps
print(energy)
