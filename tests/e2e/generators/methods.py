# Generators as methods: __iter__ written as a generator, methods using self, subclasses.
class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

    def evens(self):
        for v in self:
            if v % 2 == 0:
                yield v


class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def walk(self):
        yield self.value
        for c in self.children:
            yield from c.walk()


c = Countdown(5)
print(list(c), list(c.evens()), sum(c))
for x in Countdown(3):
    print("tick", x)
t = Tree(1, [Tree(2, [Tree(4)]), Tree(3)])
print(list(t.walk()))


class Reversed(Countdown):
    def __iter__(self):
        yield from reversed(list(super().__iter__()))


print(list(Reversed(4)))
