# Lists made by str.split, list() and sorted() are sites like displays: their item types come from
# what they are made of and everything stored into them later; str methods of exact strs have
# CPython's result types.


def words(text):
    parts = text.split()
    parts.append(3)
    return parts


def initials(names):
    out = []
    for n in names:
        out.append(n[0].upper())
    return "".join(out)


def main():
    t = "b a c"
    ws = t.split()
    ws.sort()
    print(ws, "-".join(ws), t.count("a"), t.find("c"), t.startswith("b"), t.upper())
    print(words(t), words("x y")[-1] + 1)
    print(initials(["ann", "bob"]), initials("xyz"))
    r = list(range(4))
    r[0] = 0.5
    print(r, r[1] + 1, r[0] + 1)
    q = sorted([3.5, 1.5])
    q.append("x")
    print(q)
    s2 = list("abc")
    s2.append(1)
    print(s2)
    u = list([1, 2])
    print(u[0] + u[1])
    v = sorted((2, 1), reverse=True)
    print(v[0] - v[1])
    e = list()
    e.append("z")
    print(e)
    lines = "one\ntwo".splitlines()
    lines[1] = lines[1].center(7, "*")
    print(lines, len(lines[1]), "a,b".rsplit(",", 1))


main()
