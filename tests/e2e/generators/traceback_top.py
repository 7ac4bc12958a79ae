# An exception escaping a generator reaches the top level: traceback and exit status 1.
def gen():
    yield 1
    yield 1 / 0


for x in gen():
    print(x)
