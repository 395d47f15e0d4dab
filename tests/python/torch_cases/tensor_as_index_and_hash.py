import torch
t = torch.tensor(2)
lst = [10, 20, 30]
print(lst[t], range(5)[torch.tensor(1)])
d = {}
x = torch.ones(1)
d[x] = "one"
print(d[x], len(d), x in d)
try:
    lst[torch.tensor(1.0)]
except TypeError as e:
    print(e)
print(round(torch.tensor(2.5).item()), max(torch.tensor(3), torch.tensor(5)))
print(sum(torch.tensor([1, 2, 3])))
