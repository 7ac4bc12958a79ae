# classes and functions of an imported module carry its name: __module__, reprs of classes and
# exceptions, and the last line of the traceback of an uncaught exception of such a class
from inventory.models import Item, StockError
import geometry

print(Item.__module__, geometry.area.__module__, StockError.__module__)
print(Item, StockError, repr(StockError("x")))
print(type(Item("a", "b", 1.0, 1)).__qualname__, geometry.area.__qualname__)


class Local:
    pass


print(Local.__module__, Local)
Item("s", "n", 1.0, 1).take(5)
