def greet():
    return "hello"


if len(greet()) > 3:
    greet = lambda: "hi"
print(greet())
