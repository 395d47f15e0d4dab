text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for word, count in top:
    print(f"{word:<8} {'#' * count} {count}")
print(len(words), len(freq), max(words, key=len))
lines = text.splitlines()
print([len(l) for l in lines], lines[1].title()[:20])
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym)
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "hello world")
print(caesar)
print("".join(sorted(set("mississippi"))), "racecar" == "racecar"[::-1])
