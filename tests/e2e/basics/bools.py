def truthy(x: int) -> bool:
    return x != 0


t = True
f = False
print(t, f, t and f, t or f, not t)
print(t + t, t * 3, f - 1, t == 1, t < 2)
print(truthy(0), truthy(5), truthy(5) == True)
print(1 if t else 0, "yes" if f else "no")
x = 0
print(x is None, x is not None, None is None)
