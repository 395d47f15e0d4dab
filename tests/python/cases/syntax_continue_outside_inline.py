for i in range(3):
    pass
if i > 1: continue
