# A float to a float power is a complex when the base is negative and the exponent is not
# integral, also where both operands are typed float; an int exponent keeps it a float.


def power(x: float, y: float):
    return x ** y


def square(x: float, n: int) -> float:
    return x ** n


print(power(-8.0, 0.5))
print(power(2.0, 0.5))
print(power(-8.0, 2.0))
b: float = -2.0
print(square(b, 2), square(b, -1), square(b, 3))
e: float = 1 / 3
print(b ** e)
print((-1.0) ** 0.5)
try:
    print(power(0.0, -1.0))
except ZeroDivisionError as err:
    print("ZeroDivisionError:", err)
try:
    print(power(10.0, 400.0))
except OverflowError as err:
    print("OverflowError:", err)
