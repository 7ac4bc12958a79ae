# cases.py: the CPython side of bench_rt.c. Each function does the same work as the C case of
# the same name and returns the seconds it took (set-up excluded).
#   python3.13 cases.py CASE     prints the time of one run
import sys
import time


def _factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def factorial():
    t0 = time.perf_counter()
    _factorial(20000)
    return time.perf_counter() - t0


def factorial_str():
    r = _factorial(20000)
    sys.set_int_max_str_digits(0)
    t0 = time.perf_counter()
    s = str(r)
    t = time.perf_counter() - t0
    assert len(s) == 77338
    return t


def float_boxed_sum():
    t0 = time.perf_counter()
    s = 0.0
    half = 0.5
    for i in range(2000000):
        s = s + i * half
    return time.perf_counter() - t0


def float_repr():
    t0 = time.perf_counter()
    for i in range(200000):
        repr(i / 7.0)
    return time.perf_counter() - t0


def join():
    parts = [str(i) for i in range(1000000)]
    t0 = time.perf_counter()
    for _ in range(10):
        s = ','.join(parts)
        assert len(s) == 6888889
    return time.perf_counter() - t0


def dict_int():
    t0 = time.perf_counter()
    d = {}
    for i in range(1000000):
        d[i] = i
    for i in range(1000000):
        d[i]
    return time.perf_counter() - t0


def dict_str():
    keys = [str(i) for i in range(1000000)]
    t0 = time.perf_counter()
    d = {}
    for k in keys:
        d[k] = 0
    for k in keys:
        d[k]
    return time.perf_counter() - t0


def list_append():
    t0 = time.perf_counter()
    a = []
    for i in range(10000000):
        a.append(i)
    return time.perf_counter() - t0


def list_sort():
    a = []
    x = 12345
    for i in range(1000000):
        x = (x * 6364136223846793005 + 1442695040888963407) & ((1 << 63) - 1)
        a.append(x >> 33)
    t0 = time.perf_counter()
    a.sort()
    return time.perf_counter() - t0


if __name__ == '__main__':
    print('%.6f' % globals()[sys.argv[1]]())
