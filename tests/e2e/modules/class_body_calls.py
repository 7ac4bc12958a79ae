# calls of imported functions in a class body, in a comprehension there and in a method (a
# class body calls through the module object, the method directly)
from geometry import area, label
import geometry


class Box:
    A = area(2.0, 3.0)
    L = geometry.label("b")
    B = [area(i, 1.0) for i in range(3)]

    def m(self):
        return area(1.0, 1.0) + geometry.area(2.0, 2.0)


print(Box.A, Box.L, Box.B, Box().m())
x = area(1.0, 2.0) + 1
print(x, label("q") * 2)
