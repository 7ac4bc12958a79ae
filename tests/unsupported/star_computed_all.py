from computed_all import *

print(first())
