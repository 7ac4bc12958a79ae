# Errors raised by container operations, caught by handlers: KeyError, IndexError, ValueError
# from unpacking, TypeError from unhashable keys; the container stays usable afterwards.
def lookup(d, key):
    try:
        return d[key]
    except KeyError as e:
        print("missing key:", e, repr(e.args[0]))
        return None


def item(xs, i):
    try:
        v = xs[i]
    except IndexError as e:
        print("IndexError:", e)
        return -1
    else:
        return v * 2


ages = {"ann": 31, "bob": 27}
print(lookup(ages, "ann"), lookup(ages, "zed"))
nums = [4, 5, 6]
print(item(nums, 1), item(nums, 3), item(nums, -4))

try:
    del ages["carl"]
except KeyError as e:
    print("del:", repr(e))
print(sorted(ages.items()))

try:
    a, b = nums
except ValueError as e:
    print("unpack:", e)
a, *rest = nums
print(a, rest)

try:
    s = {[1, 2]}
except TypeError as e:
    print("set:", e)

stack = []
try:
    stack.pop()
except IndexError as e:
    print("pop:", e)

counts = {}
for w in "a b a c b a".split():
    try:
        counts[w] += 1
    except KeyError:
        counts[w] = 1
print(counts)

t = (1, 2, 3)
try:
    t[5]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    nums.index(42)
except ValueError as e:
    print("index:", e)
finally:
    nums.append(7)
print(nums, len(nums))

try:
    print({"x": 1}["y"])
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
print(ages["nobody"])
