class Deck:
    def __init__(self):
        self.cards = list(range(1, 6))
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __setitem__(self, i, v):
        self.cards[i] = v
    def __delitem__(self, i):
        del self.cards[i]
    def __contains__(self, v):
        print("contains called")
        return v in self.cards
    def __iter__(self):
        return iter(self.cards)
d = Deck()
print(len(d), d[0], d[-1], d[1:3])
d[0] = 10
del d[1]
print(d.cards, 10 in d, 99 in d)
print(list(d), [c * 2 for c in d], sum(d))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq())
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)))
for x in Countdown(2):
    print("tick", x)
