# assert with and without a message.
def check(n):
    assert n >= 0
    assert n < 10, "too big: " + str(n)
    return n * 2


print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    check(12)
except AssertionError as e:
    print("AssertionError:", e)
x = 5
assert x == 5, "never"
print("passed")
assert x == 6, f"x is {x}"
