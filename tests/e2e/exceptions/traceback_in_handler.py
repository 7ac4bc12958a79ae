# Tracebacks of exceptions raised inside handlers and finally bodies, and of re-raised ones.
def fail():
    raise ValueError("original")


def handle():
    try:
        fail()
    except ValueError as e:
        print("handling", e)
        helper(e)


def helper(e):
    raise KeyError("in helper")


def reraise_later():
    try:
        fail()
    except ValueError as e:
        saved = e
    print("raising the saved exception again")
    raise saved


try:
    reraise_later()
except ValueError as e:
    print("caught", e)
handle()
