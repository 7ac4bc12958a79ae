def add(a, b):
    return a + b


def describe(x):
    if x:
        return "truthy"
    return "falsy"


def bigger(a, b):
    if a > b:
        return a
    return b


print(add(1, 2), add(1.5, 2), add("ab", "cd"), add(2 ** 62, 2 ** 62))
print(describe(0), describe(3), describe(""), describe("x"), describe(None), describe(0.0))
print(bigger(3, 7), bigger(2.5, 1), bigger("pear", "apple"), bigger(-1, -2))
print(add(True, True), add(10 ** 20, 1) - 10 ** 20)
print(add(1, "a"))
