class Shape:
    sides = 0

    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")

    def __repr__(self):
        return f"<{type(self).__name__} area={self.area():.2f} sides={self.sides}>"


class Rect(Shape):
    sides = 4

    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2


shapes = [Rect(2, 3), Square(4), Circle(1)]
print(shapes)
print(sorted(shapes, key=lambda s: s.area()))
print(sum(s.area() for s in shapes))
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
