# sys.exit(n): the status is n; finally bodies run on the way out.
import sys


def leave():
    try:
        print("leaving with status 3")
        sys.exit(3)
    finally:
        print("finally still runs")


try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
leave()
print("not reached")
