class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing key {key!r}")
        self.key = key


class ValidationError(AppError):
    def __init__(self, field, msg):
        self.field = field
        self.msg = msg

    def __str__(self):
        return f"{self.field}: {self.msg}"


def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]


try:
    lookup({}, "a")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)
try:
    raise ValidationError("age", "must be positive")
except ValidationError as e:
    print("caught", e, repr(e.field))
print(issubclass(NotFound, Exception), isinstance(NotFound("x"), AppError))
raise NotFound("final")
