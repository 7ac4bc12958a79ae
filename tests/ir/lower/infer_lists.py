# Item types of lists no unseen code reaches: a and the parameter xs of scale are list[float]
# (their stores are floats), b list[int]; c is given a str through the list keep returns, so
# keep's parameter and c are list[dyn]; d escapes into a dict.
def scale(xs, k):
    for i in range(len(xs)):
        xs[i] = xs[i] * k


def keep(xs):
    return xs


def main():
    a = [1.0, 2.0]
    scale(a, 0.5)
    b = [0] * 3
    b[0] = 1
    c = keep([1.0])
    c.append("s")
    d = [0.5]
    e = {"d": d}
    print(a, b, c, d, e)


main()
