x += 1
x -= 1
x *= 2
x @= m
x /= 2
x %= 3
x &= 1
x |= 1
x ^= 1
x <<= 1
x >>= 1
x **= 2
x //= 2
a.b += 1
a[i] -= 1
(x) += 1
def g():
    x += yield
