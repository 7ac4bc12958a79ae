from typing import Iterable

print(isinstance([1], Iterable))
