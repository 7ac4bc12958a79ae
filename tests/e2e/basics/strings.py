def shout(s: str) -> str:
    return s + "!"


a = "hello"
b = "world"
c = a + " " + b
print(c, shout(c))
print(a == "hello", a != b, a < b)
print(a * 3)
print("" or "default", "x" and "y")
