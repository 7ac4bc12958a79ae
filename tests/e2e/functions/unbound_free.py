def outer():
    def inner():
        return x
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    x = 5
    return inner()


print(outer())


def cell_local():
    def g():
        return y
    print(y)
    y = 1
    return g


cell_local()
