def f(a, b=2, *, c):
    return a + b + c


def g(x, /, y):
    return x - y


for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(c=1), lambda: f(1, c=2, d=3),
             lambda: g(x=1, y=2), lambda: f(1, a=2, c=3)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
print(f(1, c=3), g(5, y=1))
