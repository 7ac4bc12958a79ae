# Only exception classes may be caught; anything else raises TypeError when matched.
try:
    try:
        int("x")
    except 5:
        print("no")
except TypeError as e:
    print("TypeError:", e)
    print("context:", repr(e.__context__))

try:
    1 // 0
except (ValueError, ZeroDivisionError, 3) as e:
    print("matched before the bad entry:", e)

try:
    raise "not an exception"
except TypeError as e:
    print(e)
raise ValueError("final") from 1
