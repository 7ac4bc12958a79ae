# `from m import *` may rebind 'math': math.sqrt(x) on a float must then call what 'math' holds,
# and its result need not be a float.
import math


def root(x: float):
    return math.sqrt(x)


print(root(16.0))
from star_math_lib import *  # noqa: E402,F403
print(root(16.0))
