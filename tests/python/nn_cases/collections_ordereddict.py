from collections import OrderedDict, defaultdict
d = OrderedDict()
d['b'] = 1
d['a'] = 2
print(d)
print(OrderedDict())
print(OrderedDict([('x', [1, 2])]))
d.move_to_end('b')
print(list(d.keys()))
print(d.popitem(), d)
print(OrderedDict(a=1) == OrderedDict(a=1), isinstance(d, dict))
dd = defaultdict(list)
dd['k'].append(3)
dd['k'].append(4)
print(dd['k'], len(dd), dict(dd))
counts = defaultdict(int)
for ch in 'hello':
    counts[ch] += 1
print(sorted(counts.items()))
