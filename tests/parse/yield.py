def g():
    yield
    yield x
    yield x, y
    yield *a, b
    yield from x
    x = yield
    x = yield y
    x = yield from y
    x += yield
    f((yield))
    await_ = (yield x)
    y: int = yield
    return (yield)
    [(yield)]
    lambda: (yield)
