print("fine")
x = (1 +
