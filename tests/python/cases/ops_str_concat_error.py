name = "Ada"
age = 36
print("name: " + name)
print("age: " + age)
