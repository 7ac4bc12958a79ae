def math():
    return 1


print(math())
import math
