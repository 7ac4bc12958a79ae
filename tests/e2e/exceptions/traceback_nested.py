# An uncaught exception lists every frame with its line, outermost first.
def level3(x):
    y = x - 3
    return 10 // y


def level2(x):
    total = 0
    for i in range(x):
        total += i
    return level3(total)


def level1(x):
    print("calling level2")
    r = level2(x)
    return r


print(level1(2))
print(level1(3))
