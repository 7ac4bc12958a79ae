def make_class(prefix):
    class Tagged:
        count = 0

        def __init__(self, value):
            Tagged.count += 1
            self.value = value

        def __repr__(self):
            return f"{prefix}:{self.value}"

    return Tagged


A = make_class("a")
B = make_class("b")
print(A(1), B(2), A(3), A.count, B.count)
print(A.__qualname__, A is B)


def counter_class():
    total = 0

    class Acc:
        def add(self, n):
            nonlocal total
            total += n
            return total

    return Acc()


acc = counter_class()
acc.add(5)
print(acc.add(10))
