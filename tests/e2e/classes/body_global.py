x = 0


def f():
    return "f"


class C:
    global x, f
    x = 1

    def f():
        return "C's f"


print(x, f())
