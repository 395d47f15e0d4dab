s = "hello, world"
print(s, len(s), s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], s[2:10:3])
print("a" + "b", "ab" * 3, 3 * "xy", "ell" in s, "z" not in s)
print('single', "double", """triple""", '''three''')
print("tab\there", "new\nline", "back\\slash", 'it\'s', "quote\"d")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\n\t\\"))
print(r"raw\n", R"\d+", "\x41\u00e9")
print("abc" < "abd", "Z" < "a", "abc" == "abc", "a" != "b", "" < "a")
print(str(42), str(3.5), str(None), str([1, 'a']), repr('x'))
print("multi" "part" ' string')
print(ord("A"), chr(97), ord("é"), chr(233), len("héllo"), "héllo"[1])
t = """line1
line2"""
print(t)
print("%s" % "x", "caf\u00e9", "日本"[1])
