LIMIT = 100


class Counter:
    def __init__(self, start):
        self.value = start

    def inc(self):
        if self.value < LIMIT:
            self.value += 1


def make(n: int) -> Counter:
    return Counter(n)


def total(counters):
    return sum(c.value for c in counters)
