# Exceptions raised inside a generator propagate to the consumer, and finally runs.
def risky(n):
    try:
        for i in range(n):
            if i == 3:
                raise ValueError("three")
            yield 10 // (2 - i) if i < 2 else i
    finally:
        print("risky finally")


try:
    for v in risky(5):
        print(v)
except ValueError as e:
    print("caught", e)


def divide(xs):
    for x in xs:
        try:
            yield 100 // x
        except ZeroDivisionError:
            yield "inf"


print(list(divide([5, 0, 20])))


def boom():
    yield 1
    {}["missing"]


for x in boom():
    print(x)
