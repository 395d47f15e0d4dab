name = "ada"
print(f"hello {name name}")
