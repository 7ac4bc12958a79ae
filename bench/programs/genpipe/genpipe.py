# genpipe: genpipe_typed.py without annotations (issue 5: three chained generators over
# 10M integers, numbers -> squares of the odd ones -> running sums modulo a prime).


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def odd_squares(xs):
    for x in xs:
        if x % 2 == 1:
            yield x * x


def running_mod(xs, m):
    acc = 0
    for x in xs:
        acc = (acc + x) % m
        yield acc


def main():
    total = 0
    count = 0
    for v in running_mod(odd_squares(numbers(10_000_000)), 1_000_003):
        total += v
        count += 1
    print(count, total)


main()
