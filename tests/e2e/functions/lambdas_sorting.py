people = [("ann", 31), ("bob", 25), ("cy", 31), ("di", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(max(people, key=lambda p: len(p[0])))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len, reverse=True))
print(list(filter(lambda w: "o" in w, words)))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda: "no args")())
words.sort(key=lambda w: (w[-1], w))
print(words)
