import random
def run():
    random.seed(7)
    return [round(random.random(), 6) for _ in range(3)] + [random.randint(0, 1000) for _ in range(3)]
a = run()
b = run()
print(a == b, a)
random.seed(3)
deck = [f"{r}{s}" for s in "SH" for r in "A23"]
random.shuffle(deck)
print(deck, random.choice(deck))
random.seed(99)
print([round(random.gauss(0, 1), 4) for _ in range(5)])
