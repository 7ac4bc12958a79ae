# The := operator (PEP 572) in statements and expressions: conditions, loops, call arguments,
# f-strings, typed (int, float, str) targets, and the value it gives the enclosing expression.
data = [1, 2, 3]
if (n := len(data)) > 2:
    print("n", n)


def read_all(lines):
    it = iter(lines)
    out = []
    while (line := next(it, None)) is not None:
        out.append(line.upper())
    return out


print(read_all(["a", "b", "c"]))


def squares_over(xs: list[int], limit: int) -> int:
    acc = 0
    for x in xs:
        if (sq := x * x) > limit:
            acc += sq
    return acc


print(squares_over([1, 2, 3, 4], 3))


def doubled(x: float) -> float:
    if (y := x * 2.0) > 1.0:
        return y
    return -y


print(doubled(3.0), doubled(0.25))


def countdown(n: int) -> list[int]:
    seen = []
    while (n := n - 1) >= 0:
        seen.append(n)
    else:
        seen.append(n * 100)
    return seen


print(countdown(4))


def grow() -> int:
    b = 1
    while (b := b * 1000) < 10 ** 30:
        pass
    return b


print(grow())


def total_of(vals: list[float]) -> float:
    total = 0.0
    i = 0
    while (i := i + 1) <= len(vals):
        total += (w := vals[i - 1] * 2.0)
    print("last w", w, "i", i)
    return total


print(total_of([0.5, 1.5, 2.0]))


def args(a, b=0, *, c=1):
    return a + b + c


print(args((p := 2), b=(q := p + 1), c=(r := q + 1)), p, q, r)
print(f"{(fw := 7)} {fw + 1}")
print((a := 1, b := 2), a, b)
print((s := "ab") * 2, s)
(unpar := 5)
print(unpar)
print([(x := 1) + x, x])


def either(flag):
    if flag:
        v = (u := 1)
    else:
        v = (u := "one")
    return v, u


print(either(True), either(False))
chunks = []
numbers = iter(range(7))
while chunk := [v for _, v in zip(range(3), numbers)]:
    chunks.append(chunk)
print(chunks)
match (mv := 3):
    case 3 if (guard := mv * 2) > 5:
        print("matched", mv, guard)
assert (av := 1) == 1, (av2 := 2)
print(av)


class K:
    z = (zz := 2) + 1


print(K.z, K.zz)


def receiver():
    while (v := (yield)) is not None:
        print("got", v)


g = receiver()
next(g)
g.send(1)
g.send("two")
try:
    g.send(None)
except StopIteration:
    print("receiver done")
h = lambda d=(dv := 9): d + dv
print(h(), dv)


def unbound_first():
    try:
        print(later)
    except UnboundLocalError as e:
        print(e)
    if (later := 3):
        print("later", later)


unbound_first()
