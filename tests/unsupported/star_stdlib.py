from math import *

print(sqrt(4.0))
