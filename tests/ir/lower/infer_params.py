# Unannotated parameters of functions only ever called directly take the join of their call
# sites' arguments: n is int, x (int and float callers) dyn, flag bool; 'key' is also used as a
# value, so its parameter stays dyn.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def mixed(x):
    return x


def check(flag=False):
    return not flag


def key(x):
    return -x


def main():
    print(fib(10), mixed(1), mixed(1.5), check(True), check())
    print(sorted([2, 1], key=key), key(3))


main()
