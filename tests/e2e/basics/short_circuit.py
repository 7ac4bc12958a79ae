def loud(x: int) -> int:
    print("eval", x)
    return x


print(loud(0) and loud(1))
print(loud(2) and loud(3))
print(loud(0) or loud(4))
print(loud(5) or loud(6))
print(not loud(0), not loud(7))
if loud(1) and not loud(0) or loud(9):
    print("taken")
print(0 or 0.0, 3 and "yes", "" or "empty", None or 1)
x = 3
y = x > 2 and x < 5
print(y)
