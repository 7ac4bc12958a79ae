class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, x):
        return x in self.items

    def __len__(self):
        return len(self.items)


print(list(Countdown(5)))
for n in Countdown(3):
    print("tick", n)
b = Bag(3, 1, 2)
print(sorted(b), 2 in b, 9 in b, len(b), sum(b), max(b))
print([x * 10 for x in b])
