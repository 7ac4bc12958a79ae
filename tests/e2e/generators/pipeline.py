# Three chained generators: numbers -> squares -> only the even ones, then summed.
def numbers(n):
    for i in range(n):
        yield i


def squares(xs):
    for x in xs:
        yield x * x


def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x


print(list(evens(squares(numbers(10)))))
print(sum(evens(squares(numbers(1000)))))
print(sorted(squares(numbers(5)), reverse=True))
print(max(squares(numbers(7))), min(evens(squares(numbers(7)))))
