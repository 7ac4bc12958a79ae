# SystemExit with a string: printed to stderr, exit status 1.
import sys
print("before")
sys.exit("fatal: giving up")
