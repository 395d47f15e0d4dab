import torch
x = torch.arange(6).reshape(3, 2)
print(len(x))
for row in x:
    print(row)
a, b = torch.tensor([1.5, 2.5])
print(a, b)
print(list(torch.tensor([1, 2])))
print(f"{torch.tensor(3.14159):.2f}", "{:5d}".format(torch.tensor(7)), f"{torch.tensor([1.0])}")
print("%.3f" % torch.tensor(2.0))
for f in (lambda: len(torch.tensor(1.0)), lambda: iter(torch.tensor(1.0)), lambda: f"{torch.ones(2):.2f}"):
    try:
        f()
    except TypeError as e:
        print(e)
