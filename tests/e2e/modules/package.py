# a package: __init__ runs first, submodules, `import a.b.c`, `import a.b as c`, from-imports of
# submodules and names, relative imports (., .., .m) inside the package
import shapes
import shapes.util.scale
import shapes.consts as k
from shapes import Square, circle
from shapes.util import scale

print(shapes.describe(shapes.Circle(1.0)))
print(shapes.describe(Square(3)))
print(shapes.util.scale.report(Square(2)))
print(k.PI, circle.Circle(2).area() > 12)
print(scale is shapes.util.scale, shapes.ALL)
print(shapes.__name__, shapes.circle.__name__, shapes.util.scale.__name__)
print(circle.__package__, shapes.__package__)
