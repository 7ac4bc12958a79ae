# The name bound by 'except ... as' is deleted at the end of the handler, as CPython does.
def in_function():
    e = "before"
    print(e)
    try:
        1 // 0
    except ZeroDivisionError as e:
        print("handler sees", e)
    try:
        print(e)
    except UnboundLocalError as u:
        print("UnboundLocalError:", u)


in_function()

try:
    int("q")
except ValueError as err:
    print("module handler:", err)
try:
    print(err)
except NameError as n:
    print("NameError:", n)


def rebound_in_loop():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError as k:
            print("got", repr(k))
    try:
        print(k)
    except UnboundLocalError:
        print("k is unbound after the loop")


rebound_in_loop()
