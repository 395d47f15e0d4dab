for ch in "héllo":
    print(ch, ord(ch))
s = "naïve café"
print(len(s), s.upper(), s[2], s[::-1], s.split())
print("über".capitalize(), "ÀÉÎ".lower(), "straße".upper() if False else "ok")
print("→ arrow", "✓ check", "😀"[0] == "😀", len("😀"))
print(sorted("bca"), list("añb"), "añb".find("b"), "añb".index("ñ"))
print(repr("tab\tnul\x00bell\x07"), repr("\u00e9"), repr("日本"))
