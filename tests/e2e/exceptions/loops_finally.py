# Exceptions inside comprehension loops and for loops over iterables, with finally bodies that
# run on every way out: normal end, break, continue, return and an exception.
def safe_inverses(xs):
    try:
        return [1 / x for x in xs]
    except ZeroDivisionError as e:
        print("comprehension raised:", e)
        return []
    finally:
        print("finally after", len(xs), "items")


print(safe_inverses([1, 2, 4]))
print(safe_inverses([1, 0, 4]))


def first_negative(items):
    for k, v in items.items():
        try:
            if v < 0:
                return k
        finally:
            print("checked", k)
    return None


print(first_negative({"a": 1, "b": -2, "c": -3}))

log = []
for word in ["one", "two", "three", "four"]:
    try:
        if word == "two":
            continue
        if word == "four":
            break
        log.append(word.upper())
    finally:
        log.append("/" + word)
print(log)

totals = {}
for name, value in [("x", "1"), ("y", "oops"), ("z", "3")]:
    try:
        totals[name] = int(value)
    except ValueError:
        totals[name] = None
    finally:
        print("parsed", name)
print(totals)

try:
    squares = {n: n * n for n in range(5) if 10 // (n - 3) >= 0}
except ZeroDivisionError:
    print("dict comprehension hit n == 3")

try:
    print(sum(len(s) for s in ["ab", "cde", None]))
except TypeError as e:
    print("genexp:", e)

it = iter([1, 2, 3])
try:
    while True:
        print("next:", next(it))
except StopIteration:
    print("exhausted")

words = set()
try:
    for i, line in enumerate(["a b", "c", "d e f"]):
        for w in line.split():
            words.add(w)
        if i == 1:
            raise RuntimeError("stop at line " + str(i))
except RuntimeError as e:
    print(e, sorted(words))
finally:
    print("words:", len(words))

nested = [[1, 2], [3], []]
try:
    firsts = [row[0] for row in nested]
except IndexError as e:
    print("row without items:", e)
print([row[0] for row in nested if row])
