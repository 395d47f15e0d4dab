class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason
try:
    raise ConfigError("lr", "must be positive")
except AppError as e:
    print("caught", type(e).__name__, e, e.key, e.reason, e.args)
print(issubclass(ConfigError, Exception), isinstance(ConfigError("a", "b"), AppError))
class WithStr(Exception):
    def __str__(self):
        return "custom message"
try:
    raise WithStr()
except WithStr as e:
    print(e, repr(e))
e = AppError("x", 1)
print(e.args, str(e), repr(e))
print(repr(ValueError()), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
raise ConfigError("batch_size", "too large")
