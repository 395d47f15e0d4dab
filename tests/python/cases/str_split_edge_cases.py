s = "  a  b   c  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1), s.strip().split(" ", 2))
print("a,b,,c,".split(","), ",".split(","), "".split(","), "".split(), "abc".split("abc"))
print("1-2-3-4".split("-", 2), "1-2-3-4".rsplit("-", 2), "no-sep".split("x"))
print("l1\nl2\n\nl4".split("\n"), "l1\nl2\n\nl4".splitlines(), "\n".splitlines(), "".splitlines())
print("key=value=x".partition("="), "path/to/file.txt".rpartition("/")[-1], "file.tar.gz".rsplit(".", 1))
print(" x ".join(["a", "b", "c"]), "\t".join("ab"), "-".join(str(i) for i in range(3)))
