scores = {"ada": 3}
print(f"top: {max(scores.values()}")
