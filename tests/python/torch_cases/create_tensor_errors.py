import torch
for data in ([[1, 2], [3]], [[1, 2], 3], [1, "a"], "abc", [torch.ones(2), torch.ones(2)]):
    try:
        torch.tensor(data)
    except Exception as e:
        print(type(e).__name__, e)
print(torch.tensor([torch.tensor(1.0), 2]))
