def later(x):
    return helper(x) * 2


def helper(y: int) -> int:
    return y + 1


def mixed(flag: bool):
    v = 1
    if flag:
        v = "one"
    return v


def opt(n: int):
    r = None
    if n > 0:
        r = n
    return r


SCALE = 1.5


def setscale(s: float) -> None:
    global SCALE
    SCALE = s


def use() -> float:
    return SCALE * 2


print(later(3), mixed(True), mixed(False), opt(0), opt(4))
print(use())
setscale(4.0)
print(use(), SCALE)
x = 5
x = x / 2
print(x)
s = 0
for i in range(10):
    s = s + i
print(s, i)
a = 1
b = a if a > 0 else -a
print(b, -a if a < 0 else a * 2.0)
print(3 < 4 < 5 < 2, "abc" < "abd" < "b")
def ret_in_loop(n: int) -> int:
    for i in range(n):
        if i * i > 50:
            return i
    return -1
print(ret_in_loop(100), ret_in_loop(3))
def nested_w(n: int) -> int:
    c = 0
    i = 0
    while i < n:
        j = 0
        while j < n:
            if j > i:
                break
            c += 1
            j += 1
        i += 1
    return c
print(nested_w(10))
def empty():
    pass
print(empty())
print(-(2**62), 2**62, -(2**62) - 1, 4611686018427387904, -4611686018427387905)
print(10 // 3 * 3 + 10 % 3, 2 ** 3 ** 2, (-3) ** 2, -3 ** 2)
print(1e308 * 10, -1e308 * 10, 0.0 == -0.0)
print(True + 1.5, 7 // 2.0, 7 % -3.0)
