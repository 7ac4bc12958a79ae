# Lists reached through aliases inference has to follow (or give up on): each list starts with
# floats and is later given something else through another name, function, closure or slice.


def same(xs):
    return xs


def pick(a, b, first):
    return a if first else b


def grow(xs, depth):
    if depth == 0:
        xs.append("deep")
        return xs
    xs.append(depth * 0.5)
    return grow(xs, depth - 1)


def rebind(xs):
    ys = xs
    ys = [0.5]
    ys.append(1)
    return ys


def capture(xs):
    def add():
        xs.append("closure")

    add()
    return xs[0] + 1


def main():
    a = [1.0]
    same(a).append("via return")
    print(a, same([2.5])[0] * 2)

    b = [1.0]
    c = [2.0]
    pick(b, c, False).append("picked")
    print(b, c)

    d = [1.5]
    e = d if len(d) > 5 else [0.0]
    e.append(None)
    print(d, e)

    f = g = [1.0]
    g.append("chained")
    print(f)

    h = grow([1.0], 3)
    print(h)

    k = [2.0]
    r = rebind(k)
    print(k, r, k[0] + 1)

    m = [1.0, 2.0]
    print(capture(m), m)

    n = [1.0, 2.0]
    n[:] = ["slice"]
    print(n)

    p = [1.0, 2.0]
    p[0:1] = "ab"
    print(p)

    q = [1.0, 2.0]
    alias = q
    alias += [3]
    print(q, q[2] + 1)

    s = [0.5]
    s2 = s + ["concat"]
    s2.append(1)
    print(s, s2)

    t = [1.0]
    u = [t, t]
    u[0].append("nested")
    print(t)

    v = [1.0]
    try:
        raise ValueError(v)
    except ValueError as exc:
        exc.args[0].append("exc")
    print(v)

    w = [1.0, 2.0]
    for item in [w]:
        item.append("loop")
    print(w)

    x = [1.0]
    y = [x][0]
    y.append(True)
    print(x, x[1] + 1)


main()
