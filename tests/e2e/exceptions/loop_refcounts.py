# Many exceptions raised and caught in loops: objects on the exceptional paths are released.
def parse_all(n):
    good = 0
    bad = 0
    for i in range(n):
        s = str(i) if i % 3 else "x" + str(i)
        try:
            v = int(s)
            good += v
        except ValueError as e:
            msg = str(e)
            bad += len(msg)
        finally:
            s = ""
    return str(good) + " " + str(bad)


def deep(n):
    if n == 0:
        raise IndexError("bottom of " + str(n))
    try:
        return deep(n - 1)
    finally:
        pass


print(parse_all(3000))
count = 0
for k in range(200):
    try:
        deep(k % 20)
    except IndexError as e:
        count += 1
print("caught", count)
text = ""
while len(text) < 40:
    try:
        text = text + "ab"
        if len(text) % 10 == 0:
            raise ValueError(text)
    except ValueError as e:
        text = text + "-"
print(text)
