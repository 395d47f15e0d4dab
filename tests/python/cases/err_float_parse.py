for text in ["1.5", "2e3", "1,5"]:
    print(float(text))
