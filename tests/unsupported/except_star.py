try:
    raise ExceptionGroup("two", [ValueError(1), KeyError(2)])
except* ValueError as group:
    print("values:", group.exceptions)
except* KeyError:
    print("keys")
