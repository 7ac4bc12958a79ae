# from m import x [as y]: functions, constants, classes; a name m lacks is ImportError
from counter import Counter, make, LIMIT as CAP
from counter import total

c = make(5)
c.inc()
c.inc()
print(c.value, CAP, total([c, Counter(1)]))
try:
    from counter import missing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
