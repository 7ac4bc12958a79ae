# break and continue out of a try run its finally body.
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after loop")

i = 0
while True:
    i += 1
    try:
        try:
            if i % 2 == 0:
                continue
            if i > 5:
                break
        finally:
            print("inner", i)
    finally:
        print("outer", i)
print("i =", i)


def break_in_finally():
    for k in range(3):
        try:
            raise ValueError(k)
        finally:
            print("finally swallows with break", k)
            break
    return "done"


print(break_in_finally())


def continue_in_except():
    total = 0
    for k in range(6):
        try:
            if k % 3 == 0:
                raise ValueError(k)
            total += k
        except ValueError:
            continue
        finally:
            total += 100
    return total


print(continue_in_except())
