def f():
    x = 0
    def g():
        nonlocal x
        x: int
