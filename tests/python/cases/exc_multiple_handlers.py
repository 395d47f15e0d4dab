def check(v):
    try:
        if v == 0:
            raise ValueError("bad value")
        if v == 1:
            raise KeyError("k")
        if v == 2:
            [][1]
        if v == 3:
            raise TypeError("type")
        return "ok"
    except (ValueError, TypeError) as e:
        return f"value/type: {e}"
    except KeyError as e:
        return f"key: {e}"
    except LookupError as e:
        return f"lookup: {e}"
for v in range(5):
    print(check(v))
try:
    raise RuntimeError("boom")
except Exception as e:
    print(type(e).__name__, e.args, str(e), repr(e))
try:
    try:
        int("x")
    except ValueError:
        print("handling")
        raise
except ValueError as e:
    print("reraised:", e)
