xs = [3, -1, 4, -1, 5, -9, 2, 6]
print(sum(x * x for x in xs))
print(any(x > 5 for x in xs), all(x > -10 for x in xs), any(x > 100 for x in xs))
print(list(x for x in xs if x > 0), sorted(abs(x) for x in xs))
print(max(x for x in xs), min(x % 4 for x in xs))
print(", ".join(str(x) for x in xs))
print(tuple(x for x in "abc"), set(x % 2 for x in xs))

def check(v):
    print("check", v)
    return v > 3

print(any(check(x) for x in xs))
print(all(check(x) for x in [5, 6, 1, 9]))
