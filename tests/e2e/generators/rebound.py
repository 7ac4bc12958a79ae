# A generator function's name rebound to another function: the for loop must not assume a generator.
def gen():
    yield 1
    yield 2
for x in gen():
    print(x)
def other():
    return [7, 8]
gen = other
for x in gen():
    print(x)
