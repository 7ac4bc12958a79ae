# Inference must not type a module's functions from that module's own call sites alone:
# the importer calls them with other types (str, float lists, lists of strs).
import twice_lib
from twice_lib import twice, total, grow

print(twice_lib.LOCAL, twice_lib.LOCAL_TOTAL)
print(twice("ab"), twice(2.5), twice([1]), twice_lib.twice((1, 2)))
print(total([0.5, 0.25]), total(["a", "b"]) if False else total([True, True]))
xs = [1, 2]
print(grow(xs), xs)
print(twice(10 ** 30))
