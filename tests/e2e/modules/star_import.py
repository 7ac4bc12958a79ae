# from m import *: with __all__ (only those names), without it (the public names), through a
# package's __init__
from starred_all import *
from starred_public import *

print(visible(), VERSION)
print(helper_public(), PUBLIC_CONST)
try:
    print(hidden())
except NameError as e:
    print(e)
try:
    print(_private())
except NameError as e:
    print(e)
