from typing import Optional

def find(xs: list[int], target: int) -> Optional[int]:
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None

xs = [4, 8, 15, 16]
for t in [15, 99]:
    r = find(xs, t)
    if r is None:
        print(t, "not found")
    else:
        print(t, "at", r)
val: int | None = None
print(val is None, val is not None)
val = 3
print(val + 1 if val is not None else 0)
cache = {}
print(cache.get("k") is None)
