# warnings: categories, filters, the once-per-location registry, actions.
# Warnings are collected with catch_warnings(record=True) or a showwarning
# hook (the default stderr text names the script's path); the program ends
# with the "error" action raising one.
import warnings

print(issubclass(Warning, Exception), issubclass(UserWarning, Warning))
for cat in (UserWarning, DeprecationWarning, RuntimeWarning, FutureWarning, PendingDeprecationWarning,
            SyntaxWarning, ImportWarning, ResourceWarning):
    print(cat.__name__, cat.__mro__[1].__name__, issubclass(cat, Exception), repr(cat("m")), str(cat("m")))

shown = []


def hook(message, category, filename, lineno, file=None, line=None):
    shown.append((category.__name__, str(message), lineno, type(message).__name__))


warnings.showwarning = hook


def report(label):
    print(label, shown)
    shown.clear()


# The default action shows a warning once per location.
for i in range(3):
    warnings.warn("repeated")
report("default loop:")
warnings.warn("repeated")
warnings.warn("repeated")
report("two lines:")
# Category argument, and a Warning instance as the message.
warnings.warn("rt", RuntimeWarning)
warnings.warn("fut", FutureWarning)
warnings.warn(UserWarning("instance"))
warnings.warn(RuntimeWarning("instance 2"), UserWarning)
report("categories:")
# DeprecationWarning is shown when triggered in __main__; PendingDeprecationWarning is not.
warnings.warn("dep", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("resource", ResourceWarning)
report("deprecation:")


# stacklevel names the caller's line.
def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1


def inner_warn():
    warnings.warn("inner")


old_api()
inner_warn()
report("stacklevel:")

# simplefilter
warnings.simplefilter("ignore")
warnings.warn("ignored")
report("ignore:")
warnings.simplefilter("always")
for i in range(3):
    warnings.warn("always")
report("always:")
warnings.simplefilter("once")
for i in range(2):
    warnings.warn("once msg")
warnings.warn("once msg")
warnings.warn("other once")
report("once:")
warnings.simplefilter("module")
for i in range(2):
    warnings.warn("module msg")
warnings.warn("module msg")
report("module:")
warnings.simplefilter("default")
for i in range(2):
    warnings.warn("default msg")
report("default:")
warnings.simplefilter("ignore", RuntimeWarning)
warnings.warn("rt ignored", RuntimeWarning)
warnings.warn("user shown", UserWarning)
report("ignore RuntimeWarning:")

# filterwarnings with a message pattern (a case-insensitive match at the start).
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="noisy")
warnings.warn("noisy thing")
warnings.warn("NOISY THING")
warnings.warn("not noisy")
report("filter message:")
warnings.filterwarnings("ignore", message=".*secret")
warnings.warn("the secret plan")
warnings.warn("public plan")
report("filter regex:")
warnings.filterwarnings("ignore", category=FutureWarning)
warnings.warn("future", FutureWarning)
warnings.warn("user", UserWarning)
report("filter category:")
warnings.filterwarnings("error", message="fatal", category=UserWarning)
try:
    warnings.warn("fatal problem")
except UserWarning as e:
    print("raised:", type(e).__name__, e, e.args)
warnings.warn("fatal problem", RuntimeWarning)
report("filter error:")
warnings.filterwarnings("ignore", module="__main__")
warnings.warn("from main")
report("filter module:")
warnings.resetwarnings()
warnings.filterwarnings("always", lineno=0)
warnings.warn("x")
warnings.warn("x")
report("after reset:")

# The error action raises the warning; it can be caught like any exception.
warnings.simplefilter("error")
for cat in (UserWarning, DeprecationWarning, RuntimeWarning, FutureWarning):
    try:
        warnings.warn("as error", cat)
    except Warning as e:
        print("caught", type(e).__name__, e)
try:
    warnings.warn("x", category=int)
except TypeError as e:
    print("TypeError:", e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError:", e)
print(shown)
warnings.warn("uncaught", RuntimeWarning)
print("not reached")
