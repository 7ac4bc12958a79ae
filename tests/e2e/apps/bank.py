# A bank with accounts, properties, custom exceptions, inheritance and a transaction log; ends
# with an uncaught custom exception.


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance is {account.balance}")
        self.account = account
        self.amount = amount


class AccountFrozen(BankError):
    pass


class Account:
    _next_id = 1000
    kind = "basic"

    def __init__(self, owner: str, balance: int = 0):
        self.owner = owner
        self._balance = balance
        self.frozen = False
        self.history: list[tuple[str, int]] = []
        Account._next_id += 1
        self.number = Account._next_id

    @property
    def balance(self) -> int:
        return self._balance

    @balance.setter
    def balance(self, value: int) -> None:
        if value < self.limit():
            raise InsufficientFunds(self, self._balance - value)
        self._balance = value

    def limit(self) -> int:
        return 0

    def check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")

    def deposit(self, amount: int) -> None:
        self.check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount: int) -> None:
        self.check()
        try:
            self.balance -= amount
        except InsufficientFunds as e:
            e.amount = amount
            raise
        self.history.append(("withdraw", amount))

    def month_end(self):
        pass

    def __repr__(self):
        return f"<{type(self).__name__} #{self.number} {self.owner}: {self.balance}>"

    def __lt__(self, other):
        return self.balance < other.balance


class Savings(Account):
    kind = "savings"

    def __init__(self, owner, balance=0, rate_pct=2):
        super().__init__(owner, balance)
        self.rate_pct = rate_pct

    def month_end(self):
        interest = self.balance * self.rate_pct // 100
        if interest:
            self.deposit(interest)


class Checking(Account):
    kind = "checking"

    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def limit(self):
        return -self.overdraft

    def month_end(self):
        if self.balance < 0:
            fee = 5
            self._balance -= fee
            self.history.append(("fee", fee))


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts: dict[int, Account] = {}

    def open(self, account):
        self.accounts[account.number] = account
        return account

    def transfer(self, src: int, dst: int, amount: int) -> bool:
        a, b = self.accounts[src], self.accounts[dst]
        try:
            b.check()
            a.withdraw(amount)
        except BankError as e:
            print(f"  transfer {src}->{dst} of {amount} failed: {type(e).__name__}: {e}")
            return False
        else:
            b.deposit(amount)
            print(f"  transfer {src}->{dst} of {amount} ok")
            return True
        finally:
            print(f"  balances now {a.balance} / {b.balance}")

    def total(self):
        return sum(acc.balance for acc in self.accounts.values())


bank = Bank("First Krait")
alice = bank.open(Savings("alice", 1000, rate_pct=3))
bob = bank.open(Checking("bob", 50))
carol = bank.open(Account("carol"))
print(list(bank.accounts.values()))
bank.transfer(alice.number, bob.number, 300)
bank.transfer(bob.number, carol.number, 400)
bank.transfer(bob.number, carol.number, 420)
carol.frozen = True
bank.transfer(alice.number, carol.number, 1)
carol.frozen = False
try:
    carol.deposit(-5)
except ValueError as e:
    print("error:", e)
for month in range(1, 4):
    for acc in bank.accounts.values():
        acc.month_end()
    print(f"month {month}: total {bank.total()}", sorted(bank.accounts.values()))
for acc in bank.accounts.values():
    kinds = {}
    for what, amount in acc.history:
        kinds[what] = kinds.get(what, 0) + amount
    print(f"{acc.owner:>6} ({acc.kind:<8}) {acc.balance:>6} {kinds}")
print(isinstance(bob, Account), issubclass(Savings, Checking), Checking.__mro__[1].__name__)
print("richest:", max(bank.accounts.values()).owner)
carol.withdraw(10_000)
