# calls of functions imported with `from m import f` (direct C calls when nothing can rebind
# them): typed arguments and results, before the import has bound the name (NameError), with
# the wrong number of arguments (TypeError), and a function another module rebinds (m.f = g)
def early():
    return area(2.0, 3.0)


try:
    early()
except NameError as e:
    print("NameError:", e)

from geometry import area, clamp, label, is_big, hypot2, swap_unit
import geometry


def total(n: int) -> float:
    t = 0.0
    for i in range(n):
        t += area(i, 0.5)
    return t


print(early(), total(100), clamp(15, 0, 10), clamp(-3, 0, 10))
print(label("box"), is_big(5.0), is_big(50.0), hypot2(3.0, 4.0))
try:
    clamp(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(geometry.unit(), geometry.describe_unit())
geometry.unit = swap_unit
print(geometry.unit(), geometry.describe_unit())
