gen = lambda: (yield 1)
print(list(gen()))
