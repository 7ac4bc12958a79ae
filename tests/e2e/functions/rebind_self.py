# Functions that rebind their own name, a memoizing wrapper that replaces a recursive function,
# a call before the def, a def replacing a function from inside another through `global`.
def once():
    global once
    once = lambda: "again"
    return "first"
print(once(), once())

try:
    early()
except NameError as e:
    print("NameError:", e)
def early():
    return 1
if early() == 1:
    early = 2

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(15))
memo = {}
orig = fib
def fib(n):
    if n not in memo:
        memo[n] = orig(n)
    return memo[n]
print(fib(20), len(memo))

def kw(a, *, b=1):
    return a + b
def swap():
    global kw
    def kw(a, *, b=1):
        return a * b
print(kw(2, b=3))
swap()
print(kw(2, b=3))
import sys
def g():
    return 1
for g in [g, lambda: 2]:
    print(g())
try:
    g(1)
except TypeError as e:
    print(e)
