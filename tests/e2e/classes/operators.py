class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __neg__(self):
        return Money(-self.cents)

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"


wallet = [Money(150), Money(275), Money(5)]
print(sum(wallet), min(wallet), max(wallet))
print(Money(100) - Money(1), -Money(250))
print(Money(1) < Money(2), Money(3) <= Money(3), Money(3) > Money(1), Money(1) == Money(1))
try:
    Money(1) + 5
except TypeError as e:
    print("TypeError:", e)
print(Money(1) != Money(2), [str(m) for m in sorted(wallet)])
