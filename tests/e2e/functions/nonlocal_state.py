def make_fib():
    a, b = 0, 1

    def step():
        nonlocal a, b
        a, b = b, a + b
        return a

    return step


nxt = make_fib()
print([nxt() for _ in range(10)])


def bank(balance):
    history = []

    def deposit(x):
        nonlocal balance
        balance += x
        history.append(("dep", x))

    def withdraw(x):
        nonlocal balance
        if x > balance:
            history.append(("refused", x))
            return False
        balance -= x
        history.append(("wd", x))
        return True

    def report():
        return balance, history

    return deposit, withdraw, report


dep, wd, rep = bank(10)
dep(5)
print(wd(100), wd(12))
print(rep())


def param_cell(x):
    def get():
        return x
    x = x * 2
    return get


print(param_cell(21)())
