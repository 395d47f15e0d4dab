word = "abc"
for i in range(4):
    print(word[i])
