scores = {"ada": 3, "bob": 4 "cy": 5}
print(scores)
