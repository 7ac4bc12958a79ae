xs = [1, 2]
xs.append(3)
d = {"a": xs[0]}
a, *b = xs
print(len(xs), d, a, b, 2 in xs)
