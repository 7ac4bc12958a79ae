# Generators are lazy: nothing runs before the first next(), and each step runs just enough.
def noisy(n):
    print("start")
    for i in range(n):
        print("produce", i)
        yield i
    print("end")


g = noisy(3)
print("created")
print("got", next(g))
print("got", next(g))
for x in g:
    print("loop", x)
print("after")
