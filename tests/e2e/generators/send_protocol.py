# send() rules: the first send must be None; values flow both ways.
def doubler():
    x = yield
    while True:
        x = yield x * 2


d = doubler()
try:
    d.send(5)
except TypeError as e:
    print("TypeError:", e)
print(d.send(None))
print(d.send(5), d.send("ab"), d.send([1]))


def tagger(tag):
    count = 0
    while True:
        msg = yield f"{tag}{count}"
        count += 1
        if msg == "stop":
            return count


t = tagger("#")
print(next(t), t.send("a"), t.send("b"))
try:
    t.send("stop")
except StopIteration as e:
    print("stopped after", e.value)
