# Generators fed to every kind of consumer.
def gen(n):
    for i in range(n):
        yield i * 2


print(list(zip(gen(3), gen(5))))
print(dict(enumerate(gen(3))))
print(tuple(gen(4)), set(gen(3)) == {0, 2, 4})
print(any(x > 5 for x in gen(5)), all(x % 2 == 0 for x in gen(5)))
print(",".join(str(x) for x in gen(4)))
print(sorted(gen(4), reverse=True))
print(list(map(str, gen(3))), list(filter(None, gen(4))))
print(max(gen(6)), min(gen(6)), sum(gen(6), 100))
a, b, c = gen(3)
print(a, b, c)
first, *rest = gen(5)
print(first, rest)
print(3 in gen(10), 4 in gen(10))
print(list(reversed(list(gen(4)))))
it = iter(gen(3))
print(next(it), list(it))
