class Base:
    def __init__(self):
        print("Base init")

    def who(self):
        return ["Base"]


class Left(Base):
    def __init__(self):
        print("Left init")
        super().__init__()

    def who(self):
        return ["Left"] + super().who()


class Right(Base):
    def __init__(self):
        print("Right init")
        super().__init__()

    def who(self):
        return ["Right"] + super().who()


class Child(Left, Right):
    def __init__(self):
        print("Child init")
        super().__init__()

    def who(self):
        return ["Child"] + super().who()


c = Child()
print(c.who())
print([k.__name__ for k in Child.__mro__])
print(super(Left, c).who())
