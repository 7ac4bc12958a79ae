LIMIT = 10
SCALE = 2.5
NAME = "krait"
counter = 0


def bump() -> int:
    global counter
    counter += 1
    return counter


def scaled(x: int) -> float:
    return x * SCALE


for i in range(LIMIT):
    bump()
print(counter, scaled(LIMIT), NAME)
print(bump(), bump(), counter)
