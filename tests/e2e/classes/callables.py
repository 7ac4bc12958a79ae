class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k


triple = Multiplier(3)
print(triple(5), list(map(triple, [1, 2, 3])), callable(triple))


class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, name):
        return f"{self.greeting}, {name}"


g = Greeter("Hey")
bound = g.greet
print(bound("you"), sorted(["b", "a"], key=Greeter("x").greet))
print(getattr(g, "greeting"), hasattr(g, "nope"))
setattr(g, "greeting", "Yo")
print(g.greet("me"))
