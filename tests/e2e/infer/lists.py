# Item types of lists no unseen code can reach: each list here is first given floats (or ints)
# and later something else by a path inference has to see, or reaches code it does not see.


class Box:
    pass


def fill(xs):
    ys = xs
    ys.append("s")


def put(xs, i, v):
    xs[i] = v


def make():
    return [1.0]


def total(xs):
    s = 0.0
    for x in xs:
        s += x
    return s


def main():
    a = [1.0, 2.0]
    fill(a)
    print(a, a[0] + a[1])

    b = [0.5] * 3
    put(b, 0, "x")
    put([1, 2], 1, 3)
    print(b, b[1] + b[2])

    c = [1.5, 2.5]
    box = Box()
    box.items = c
    box.items.append("z")
    print(c)

    e = [0.25]
    d = {"e": e}
    d["e"].append(None)
    print(e)

    outer = []
    inner = [1.0]
    outer.append(inner)
    outer[0].append("q")
    print(inner)

    r = make()
    r.append("w")
    print(r, make()[0] + 1)

    x = 0
    x += 0.5
    print(x)

    f = [1.0]
    f += ["s"]
    f.extend(["t"])
    f.insert(0, 3)
    print(f)

    g = [1.0, 2.0][0:1]
    g.append("u")
    print(g, g[0] + 1)

    h = [0.5] * 3
    h[1] = 7
    print(h, h[1] + 1)

    k = [1.0]

    def add():
        k.append("c")

    add()
    print(k)

    m = [1.0]
    fn = lambda z=m: z.append("d")
    fn()
    print(m)

    p = [2.5]
    q = p or [0.0]
    q.append("e")
    print(p)

    t = ([1.0], 2)
    t[0].append("f")
    print(t)

    a1 = [1.0]
    a2 = [2.0]
    big = max(a1, a2)
    big.append("g")
    print(a2)

    n = [1.0, 2.0, 3.5]
    n[0] = n[1] * n[2]
    print(n, total(n), sum(n), len(n))

    w = [i * 0.5 for i in range(4)]
    w[0] = True
    print(w, w[0] + 1)

    y = [1, 2, 3]
    for i in range(len(y)):
        y[i] = y[i] * 2 ** 70
    print(y, y[0] > 2 ** 64)

    z = [[0.0] * 2 for _ in range(2)]
    z[1][1] = "h"
    print(z)


main()
