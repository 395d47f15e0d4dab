scores = [90, 85, 77]
print(scores[2])
print(scores[3])
