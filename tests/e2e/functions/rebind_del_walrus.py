def f():
    return 1


def g():
    return 2


def kill():
    global f
    del f


print(f(), g())
kill()
try:
    print(f())
except NameError as e:
    print("NameError:", e)
if (g := (lambda: 20)):
    print(g())
print([h := g() + i for i in range(3)], h)


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(5))
for fact in [lambda n: -n]:
    pass
print(fact(5))
