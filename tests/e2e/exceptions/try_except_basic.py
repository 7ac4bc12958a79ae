# except clauses: one class, a tuple of classes, bare; no match propagates outward.
def check(n):
    try:
        if n == 0:
            return 10 // n
        if n == 1:
            return int("one")
        if n == 2:
            return "a" + n
        return n
    except ZeroDivisionError:
        print("zero division for", n)
    except (ValueError, TypeError) as e:
        print("value or type error for", n, "-", e)
    return -1


for i in range(4):
    print("result", check(i))

try:
    try:
        x = 1 / 0
    except ValueError:
        print("not reached")
    print("not reached either")
except ZeroDivisionError as e:
    print("outer caught", e)

try:
    int("zz")
except:
    print("bare except caught it")
print("done")
