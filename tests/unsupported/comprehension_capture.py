adders = [lambda y: x + y for x in range(3)]
print([f(10) for f in adders])
