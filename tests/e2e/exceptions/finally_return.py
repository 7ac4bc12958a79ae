# return inside try runs finally first; a return in finally overrides the return value and
# swallows an exception in flight.
def returns_in_try():
    try:
        print("try")
        return "from try"
    finally:
        print("finally runs before the return")


def finally_overrides():
    try:
        return 1
    finally:
        return 2


def finally_swallows():
    try:
        1 // 0
    finally:
        return "swallowed"


def nested(n):
    try:
        try:
            if n > 0:
                return n * 10
        finally:
            print("inner finally", n)
    finally:
        print("outer finally", n)
    return -n


def value_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 100
        print("x set to", x)


print(returns_in_try())
print(finally_overrides())
print(finally_swallows())
print(nested(3))
print(nested(0))
print(value_before_finally())
