def f():
    b = 2
    return vars()


print(f())
