# An uncaught UnboundLocalError raised by `del` of a local that was already deleted.
def f():
    x = 1
    del x
    print("deleted once")
    del x


f()
