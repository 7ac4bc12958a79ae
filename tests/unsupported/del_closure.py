def outer():
    x = 1

    def inner():
        return x

    del x
    return inner


print(outer())
