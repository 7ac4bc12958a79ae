xs = [5, 3, 8]
xs.append(1)
xs.insert(0, 9)
xs.extend([7, 7])
print(xs, len(xs))
print(xs.pop(), xs.pop(0), xs)
xs.remove(8)
print(xs, xs.index(3), xs.count(7))
xs.sort()
print(xs)
xs.reverse()
print(xs, xs[0], xs[-1])
ys = xs
ys += [100]
print(xs is ys, xs)
print(xs + [1, 2], [0] * 3, [] == [], [1, 2] < [1, 3])
xs.clear()
print(xs, bool(xs))
