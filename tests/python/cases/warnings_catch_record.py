# warnings.catch_warnings: recording, restoring filters and hooks,
# formatwarning, the WarningMessage objects, and the default stderr output
# of a warning that points past the outermost frame ("sys:1").
import warnings


def first_lines():
    warnings.warn("first")
    return 1


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    first_lines()
    warnings.warn("second", RuntimeWarning)
    warnings.warn("third", DeprecationWarning)
    warnings.warn(FutureWarning("fourth"))
print(type(w).__name__, len(w))
for m in w:
    print(type(m).__name__, type(m.message).__name__, m.message, m.category.__name__, m.lineno, m.line,
          m.file, m.source, str(m.message) == m.message.args[0])
print(w[0].category is UserWarning, isinstance(w[1].message, RuntimeWarning))

# Without record=True the context manager returns None and restores filters.
with warnings.catch_warnings() as nothing:
    print("nothing:", nothing)
    warnings.simplefilter("error")
    try:
        warnings.warn("inside")
    except UserWarning as e:
        print("raised inside:", e)
with warnings.catch_warnings(record=True) as w2:
    warnings.warn("outside again")
    warnings.warn("outside again")
print([str(m.message) for m in w2])

# Nested contexts.
with warnings.catch_warnings(record=True) as outer:
    warnings.simplefilter("always")
    warnings.warn("outer 1")
    with warnings.catch_warnings(record=True) as inner:
        warnings.simplefilter("always")
        warnings.warn("inner 1")
        warnings.warn("inner 2")
    warnings.warn("outer 2")
print([str(m.message) for m in outer], [str(m.message) for m in inner])

# A showwarning hook, restored when the context ends.
log = []


def hook(message, category, filename, lineno, file=None, line=None):
    log.append("%s:%s" % (category.__name__, message))


original = warnings.showwarning
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = hook
    warnings.warn("hooked")
    warnings.warn("hooked", RuntimeWarning)
print(log, warnings.showwarning is original)

# formatwarning: CPython's text.
print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 12, "  x = f()  ")))
print(repr(warnings.formatwarning("msg", RuntimeWarning, "<cell 1>", 3, "")))
print(repr(warnings.formatwarning(ValueError("e"), DeprecationWarning, "m.py", 1, "line")))
msg = warnings.WarningMessage("text", UserWarning, "f.py", 7)
print(msg.message, msg.category.__name__, msg.filename, msg.lineno, msg.line)

# A custom formatwarning is used for the default output.
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.formatwarning = lambda m, c, f, l, line=None: "custom %s %s\n" % (c.__name__, m)
    import sys
    printed = []

    class Out:
        def write(self, text):
            printed.append(text)

    warnings.showwarning = lambda m, c, f, l, file=None, line=None: Out().write(warnings.formatwarning(m, c, f, l))
    warnings.warn("formatted")
print(printed)
warnings.formatwarning = warnings._formatwarning_orig if hasattr(warnings, "_formatwarning_orig") else None

# warn_explicit with a module name: DeprecationWarning outside __main__ is ignored.
with warnings.catch_warnings(record=True) as w3:
    warnings.warn_explicit("explicit", UserWarning, "lib.py", 10, module="lib")
    warnings.warn_explicit("dep elsewhere", DeprecationWarning, "lib.py", 11, module="lib")
    warnings.warn_explicit("dep main", DeprecationWarning, "main.py", 12, module="__main__")
print([(str(m.message), m.filename, m.lineno) for m in w3])

# Default output to stderr: past the outermost frame the location is "sys", line 1.
warnings.warn("from nowhere", stacklevel=10)
warnings.warn("from nowhere", RuntimeWarning, stacklevel=10)
warnings.warn("from nowhere", stacklevel=10)
warnings.simplefilter("error")
warnings.warn("stop here", FutureWarning)
