# A countdown generator consumed by for, list, sum, next and a for/else.
def countdown(n):
    while n > 0:
        yield n
        n -= 1


for i in countdown(5):
    print(i, end=" ")
print()
print(list(countdown(3)))
print(sum(countdown(100)))
g = countdown(2)
print(next(g), next(g))
print(next(g, "exhausted"))
for x in countdown(0):
    print("never")
else:
    print("empty loop ran its else")
print(type(countdown(1)).__name__)
